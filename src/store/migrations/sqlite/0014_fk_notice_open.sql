-- Mitt arbete lists the officer's open notices to Försäkringskassan: read from the open ones
-- (few: a notice is sent within days) instead of from all the officer's cases and decisions.
CREATE INDEX fk_notice_open ON fk_notice (decision_id) WHERE sent_on IS NULL;
