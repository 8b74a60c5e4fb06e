-- 会員 (PostgreSQL). Invented schema for kojin samples.
CREATE TABLE public.kaiin (
    kaiin_id      bigserial PRIMARY KEY,
    "shimei"      varchar(40) NOT NULL,
    kojin_bango   char(12),
    seinen_gappi  date,
    jusho         text,
    yubin_bango   char(8),
    byoreki       text,                -- 病歴 (sensitive)
    biko          text DEFAULT '',
    CONSTRAINT kaiin_kojin_bango_key UNIQUE (kojin_bango),
    CHECK (char_length(yubin_bango) = 8)
);

COMMENT ON TABLE public.kaiin IS '会員';
COMMENT ON COLUMN public.kaiin.shimei IS '氏名';
COMMENT ON COLUMN public.kaiin.kojin_bango IS '個人番号';
COMMENT ON COLUMN public.kaiin.seinen_gappi IS '生年月日';
COMMENT ON COLUMN public.kaiin.jusho IS '住所';
COMMENT ON COLUMN kaiin.yubin_bango IS '郵便番号';
COMMENT ON COLUMN public.kaiin.byoreki IS '病歴';
COMMENT ON COLUMN public.kaiin.biko IS '備考';

CREATE TABLE "hojin" (
    "hojin_bango" char(13) NOT NULL,
    "hojin_mei"   varchar(100),
    PRIMARY KEY ("hojin_bango")
);
COMMENT ON COLUMN hojin.hojin_bango IS '法人番号';
COMMENT ON COLUMN hojin.hojin_mei IS '法人名';

CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.biko := NEW.biko; -- CREATE TABLE in a body is not a table
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
