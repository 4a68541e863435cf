-- The desk's waiting room and the comment after a rating. Portable SQL for H2 and PostgreSQL.

-- What a waiting family was last told about their place in line, and when (never spammed).
ALTER TABLE cases ADD COLUMN queue_told_position INT;
ALTER TABLE cases ADD COLUMN queue_told_at TIMESTAMP WITH TIME ZONE;

-- After a rating the family is asked once for a comment; set while that question is open.
ALTER TABLE case_ratings ADD COLUMN comment_asked_at TIMESTAMP WITH TIME ZONE;
