-- Text stored with its row (H2 only; PostgreSQL and MariaDB do so already). H2 keeps a
-- CHARACTER LARGE OBJECT of more than MAX_LENGTH_INPLACE_LOB bytes (default 256) apart from
-- its row, one more lookup for every value read: a search that scanned 100,000 messages of
-- about 300 characters spent most of its time there (docs/PERFORMANCE.md, "Search"). From
-- here on values of up to 32 KiB, nearly every chat message, system prompt and agent, are
-- stored in the row; longer ones stay apart. The setting is the database's own and persists.
-- The rows written before are rewritten once so that they move in too (CONCAT makes a new
-- value; about a minute per million messages at the first start after the upgrade).
SET MAX_LENGTH_INPLACE_LOB 32768;

UPDATE messages SET content = CONCAT(content, '') WHERE CHAR_LENGTH(content) BETWEEN 65 AND 8192;

UPDATE conversations SET system_prompt = CONCAT(system_prompt, '')
WHERE system_prompt IS NOT NULL AND CHAR_LENGTH(system_prompt) BETWEEN 65 AND 8192;
UPDATE conversations SET preset_messages = CONCAT(preset_messages, '')
WHERE preset_messages IS NOT NULL AND CHAR_LENGTH(preset_messages) BETWEEN 65 AND 8192;

UPDATE agents SET route = CONCAT(route, ''), params = CONCAT(params, ''),
    preset_messages = CONCAT(preset_messages, ''), greetings = CONCAT(greetings, ''),
    suggested_questions = CONCAT(suggested_questions, ''),
    system_prompt = CASE WHEN CHAR_LENGTH(system_prompt) <= 8192 THEN CONCAT(system_prompt, '')
                         ELSE system_prompt END;

UPDATE support_activities SET content = CONCAT(content, '') WHERE CHAR_LENGTH(content) BETWEEN 65 AND 8192;
