-- Matching rule: a comment echoes a quote of its own article when both contain the same run of
-- at least three consecutive words, not all three of them stop words. Words are compared
-- lower-cased with punctuation dropped: text is split at every character that is not a letter, a
-- digit or an apostrophe (curly apostrophes count as straight ones), and apostrophes at a word's
-- ends are trimmed. echoed_text is the longest shared run (the earliest in the quote on a tie).
-- Computed from the places where a comment word equals a quote word: three such places in a row
-- on one diagonal (comment position - quote position) are a shared three-word run. Only ids and
-- positions go through the join and the windows; the quote's words and speaker are joined back at
-- the end, for the runs found.
DELETE FROM quote_echoes WHERE article_id IN (SELECT article_id FROM touched_articles);
INSERT INTO quote_echoes BY NAME
WITH stop AS (
    SELECT [
        'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can', 'do', 'does',
        'for', 'from', 'had', 'has', 'have', 'he', 'her', 'here', 'him', 'his', 'how', 'i',
        'if', 'in', 'is', 'it', 'its', 'me', 'more', 'much', 'my', 'no', 'not', 'of', 'on', 'or',
        'our', 'out', 'so', 'such', 'that', 'the', 'their', 'them', 'there', 'these', 'they',
        'this', 'those', 'to', 'too', 'up', 'us', 'very', 'was', 'we', 'were', 'what', 'when',
        'which', 'who', 'will', 'with', 'would', 'you', 'your'
    ] AS words
),
quote_words AS (
    SELECT
        quote_id, article_id, speaker,
        regexp_extract_all(
            lower(replace(text, '’', '''')), '[\p{L}\p{N}](?:[\p{L}\p{N}'']*[\p{L}\p{N}])?'
        ) AS words
    FROM quotes
    WHERE article_id IN (SELECT article_id FROM touched_articles)
),
quote_tokens AS (
    -- one row per word of each quote long enough to share three words
    SELECT quote_id, article_id, i, words[i] AS word
    FROM (
        SELECT *, unnest(range(1, len(words) + 1)) AS i FROM quote_words WHERE len(words) >= 3
    )
),
comment_tokens AS (
    -- one row per word of each original comment on an article with such a quote
    SELECT comment_id, article_id, j, words[j] AS word
    FROM (
        SELECT comment_id, article_id, words, unnest(range(1, len(words) + 1)) AS j
        FROM (
            SELECT
                comment_id, article_id,
                regexp_extract_all(
                    lower(replace(body, '’', '''')), '[\p{L}\p{N}](?:[\p{L}\p{N}'']*[\p{L}\p{N}])?'
                ) AS words
            FROM comments
            WHERE NOT is_duplicate AND article_id IN (SELECT article_id FROM quote_tokens)
        )
    )
),
pairs AS (
    -- every place where a comment word equals a quote word
    SELECT q.quote_id, c.comment_id, q.i, c.j, list_contains(stop.words, q.word) AS is_stop
    FROM quote_tokens AS q
    JOIN comment_tokens AS c ON c.article_id = q.article_id AND c.word = q.word
    CROSS JOIN stop
),
starts AS (
    -- where a shared three-word run starts: the next two places on its diagonal match too
    SELECT quote_id, comment_id, i, j
    FROM (
        SELECT
            *,
            lead(i, 1) OVER diagonal AS i1,
            lead(i, 2) OVER diagonal AS i2,
            lead(is_stop, 1) OVER diagonal AS stop1,
            lead(is_stop, 2) OVER diagonal AS stop2
        FROM pairs
        WINDOW diagonal AS (PARTITION BY quote_id, comment_id, j - i ORDER BY i)
    )
    WHERE i1 = i + 1 AND i2 = i + 2 AND NOT (is_stop AND stop1 AND stop2)
),
runs AS (
    -- gaps and islands: starts at consecutive quote positions on one diagonal form one run
    SELECT quote_id, comment_id, min(i) AS run_start, max(i) + 2 AS run_end
    FROM (
        SELECT *, i - row_number() OVER (PARTITION BY quote_id, comment_id, j - i ORDER BY i) AS island
        FROM starts
    )
    GROUP BY quote_id, comment_id, j - i, island
),
longest AS (
    SELECT quote_id, comment_id, run_start, run_end
    FROM runs
    QUALIFY row_number() OVER (
        PARTITION BY quote_id, comment_id ORDER BY run_end - run_start DESC, run_start
    ) = 1
)
SELECT
    q.article_id,
    r.quote_id,
    r.comment_id,
    q.speaker,
    array_to_string(q.words[r.run_start:r.run_end], ' ') AS echoed_text
FROM longest AS r
JOIN quote_words AS q USING (quote_id);
