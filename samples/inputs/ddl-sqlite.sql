-- 患者 (SQLite). Invented schema for kojin samples.
CREATE TABLE kanja (
  kanja_id INTEGER PRIMARY KEY AUTOINCREMENT,
  shimei TEXT NOT NULL,            -- 氏名
  [seinen_gappi] TEXT,             -- 生年月日
  jusho TEXT,
  "kojin_bango" TEXT CHECK (length(kojin_bango) = 12),
  shobyo_mei TEXT,                 -- 傷病名
  FOREIGN KEY (kanja_id) REFERENCES uketsuke(kanja_id)
);
CREATE INDEX idx_kanja_shimei ON kanja (shimei);
INSERT INTO kanja VALUES (1, '見本 太郎', '1980-01-02', '東京都千代田区見本町1-1', '123456789012', '架空症候群');
