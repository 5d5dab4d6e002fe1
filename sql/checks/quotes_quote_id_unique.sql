-- asset: quotes
-- severity: ERROR
-- description: quote_id is unique
SELECT count(*) - count(DISTINCT quote_id) AS violations FROM quotes;
