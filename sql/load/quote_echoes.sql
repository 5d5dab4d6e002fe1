-- Matching rule: a comment echoes a quote of its own article when both contain the same run of
-- at least three consecutive words, not all three of them stop words. Words are compared
-- lower-cased with punctuation dropped: text is split at every character that is not a letter, a
-- digit or an apostrophe (curly apostrophes count as straight ones), and apostrophes at a word's
-- ends are trimmed. echoed_text is the longest shared run (the earliest in the quote on a tie).
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
        list_filter(
            list_transform(
                regexp_split_to_array(lower(replace(text, '’', '''')), '[^\p{L}\p{N}'']+'),
                w -> trim(w, '''')
            ),
            w -> w <> ''
        ) AS words
    FROM quotes
    WHERE article_id IN (SELECT article_id FROM touched_articles)
),
comment_words AS (
    SELECT
        comment_id, article_id,
        list_filter(
            list_transform(
                regexp_split_to_array(lower(replace(body, '’', '''')), '[^\p{L}\p{N}'']+'),
                w -> trim(w, '''')
            ),
            w -> w <> ''
        ) AS words
    FROM comments
    WHERE NOT is_duplicate AND article_id IN (SELECT article_id FROM touched_articles)
),
quote_trigrams AS (
    SELECT quote_id, article_id, speaker, words, i, words[i:i + 2] AS trigram
    FROM (SELECT *, unnest(range(1, len(words) - 1)) AS i FROM quote_words)
),
comment_trigrams AS (
    SELECT comment_id, article_id, j, words[j:j + 2] AS trigram
    FROM (SELECT *, unnest(range(1, len(words) - 1)) AS j FROM comment_words)
),
matches AS (
    SELECT q.quote_id, q.article_id, q.speaker, q.words, c.comment_id, q.i, c.j
    FROM quote_trigrams AS q
    JOIN comment_trigrams AS c ON c.article_id = q.article_id AND c.trigram = q.trigram
    CROSS JOIN stop
    WHERE len(list_filter(q.trigram, w -> NOT list_contains(stop.words, w))) > 0
),
runs AS (
    -- Gaps and islands: matched trigrams on one diagonal (j - i) at consecutive i form one run.
    SELECT
        quote_id, article_id, speaker, comment_id, any_value(words) AS words,
        min(i) AS run_start, max(i) + 2 AS run_end
    FROM (
        SELECT *, i - row_number() OVER (PARTITION BY quote_id, comment_id, j - i ORDER BY i) AS island
        FROM matches
    )
    GROUP BY quote_id, article_id, speaker, comment_id, j - i, island
)
SELECT
    article_id,
    quote_id,
    comment_id,
    speaker,
    array_to_string(words[run_start:run_end], ' ') AS echoed_text
FROM runs
QUALIFY row_number() OVER (
    PARTITION BY quote_id, comment_id ORDER BY run_end - run_start DESC, run_start
) = 1;
