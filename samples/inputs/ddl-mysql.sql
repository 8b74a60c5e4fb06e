-- 社員マスタ (MySQL 8). Invented schema for kojin samples.
/* mysqldump-style header comment */
CREATE TABLE IF NOT EXISTS `shain` (
  `shain_id` INT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT '社員ID',
  `shimei` VARCHAR(40) NOT NULL COMMENT '氏名',
  `shimei_kana` VARCHAR(80) DEFAULT NULL COMMENT '氏名（カナ）',
  `kojin_bango` CHAR(12) DEFAULT NULL COMMENT '個人番号',
  `seinen_gappi` DATE DEFAULT NULL COMMENT '生年月日',
  `jusho` VARCHAR(200) DEFAULT NULL COMMENT '住所',
  `denwa` VARCHAR(20) DEFAULT NULL COMMENT '電話番号',
  `busho_cd` CHAR(4) NOT NULL COMMENT '部署コード',
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`shain_id`),
  UNIQUE KEY `uk_kojin_bango` (`kojin_bango`),
  KEY `idx_busho` (`busho_cd`),
  CONSTRAINT `fk_busho` FOREIGN KEY (`busho_cd`) REFERENCES `busho` (`busho_cd`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='社員マスタ';

CREATE TABLE `torihikisaki` (
  `torihikisaki_id` INT NOT NULL,
  `hojin_bango` CHAR(13) DEFAULT NULL COMMENT '法人番号',
  `kaisha_mei` VARCHAR(100) NOT NULL COMMENT '会社名',
  `tantosha_mei` VARCHAR(40) COMMENT '担当者氏名',
  `mail` VARCHAR(254) COMMENT 'メールアドレス',
  PRIMARY KEY (`torihikisaki_id`)
) ENGINE=InnoDB COMMENT 'Trading partners';

INSERT INTO `torihikisaki` (`torihikisaki_id`, `hojin_bango`, `kaisha_mei`, `tantosha_mei`, `mail`) VALUES
  (1, '1234567890123', '架空商事株式会社', '見本 花子', 'hanako@example.jp'),
  (2, NULL, '例示工業', 'Taro Example', 'taro@example.com');
