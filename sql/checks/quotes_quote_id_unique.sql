SELECT count(*) - count(DISTINCT quote_id) AS violations FROM quotes;
