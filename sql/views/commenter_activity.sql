CREATE VIEW commenter_activity AS
WITH c AS (
    SELECT
        a.site,
        c.author,
        c.article_id,
        c.is_duplicate,
        c.posted_at_earliest + (c.posted_at_latest - c.posted_at_earliest) / 2 AS posted_mid,
        -- The articles.word_count rule: whitespace-separated tokens holding a letter or digit.
        len(list_filter(regexp_split_to_array(trim(c.body), '\s+'), w -> regexp_matches(w, '[\p{L}\p{N}]'))) AS words
    FROM comments AS c
    JOIN articles AS a USING (article_id)
),
per_author AS (
    SELECT
        site,
        author,
        count(*) AS comments,
        count(*) FILTER (WHERE NOT is_duplicate) AS distinct_comments,
        count(*) FILTER (WHERE is_duplicate) AS duplicate_comments,
        count(DISTINCT article_id) AS articles,
        min(posted_mid) AS first_seen,
        max(posted_mid) AS last_seen,
        avg(words) FILTER (WHERE NOT is_duplicate) AS avg_words_per_comment
    FROM c
    GROUP BY site, author
)
SELECT
    site,
    author,
    comments,
    distinct_comments,
    duplicate_comments,
    articles,
    first_seen,
    last_seen,
    avg_words_per_comment,
    distinct_comments / sum(distinct_comments) OVER (PARTITION BY site) AS share_of_site_comments
FROM per_author;
COMMENT ON VIEW commenter_activity IS 'One row per site and comment author (display name): how much and when they commented. Counts only pages in articles (articles, petitions, discussion threads): listing, profile and other pages are not counted (see pages).';
COMMENT ON COLUMN commenter_activity.site IS 'articles.site of the articles commented on (NULL when the site is unknown).';
COMMENT ON COLUMN commenter_activity.author IS 'comments.author, the short display name (e.g. Veronica D); names are compared exactly, so two people sharing a display name count as one.';
COMMENT ON COLUMN commenter_activity.comments IS 'Captured comments by this author on this site, duplicates included.';
COMMENT ON COLUMN commenter_activity.distinct_comments IS 'Captured comments that are not duplicates (comments.is_duplicate is false).';
COMMENT ON COLUMN commenter_activity.duplicate_comments IS 'Captured comments that repeat an earlier comment of theirs on the same article (comments - distinct_comments).';
COMMENT ON COLUMN commenter_activity.articles IS 'Distinct articles of the site the author commented on.';
COMMENT ON COLUMN commenter_activity.first_seen IS 'Earliest comment time (UTC), each comment timed at the midpoint of its posted window (posted_at_earliest..posted_at_latest).';
COMMENT ON COLUMN commenter_activity.last_seen IS 'Latest comment time (UTC), each comment timed at the midpoint of its posted window.';
COMMENT ON COLUMN commenter_activity.avg_words_per_comment IS 'Mean words per distinct comment (a word: a whitespace-separated token holding a letter or digit, as articles.word_count).';
COMMENT ON COLUMN commenter_activity.share_of_site_comments IS 'distinct_comments / all distinct comments on the site (0 to 1; the site''s rows sum to 1).';
