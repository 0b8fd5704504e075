-- Keys gained four scopes (agents:read, agents:write, contexts:read, contexts:write). A key that
-- held every scope there was (the default when a key is created without scopes) keeps holding
-- every scope; a key limited on purpose stays limited.
UPDATE api_keys
SET scopes = CONCAT(scopes, ' agents:read agents:write contexts:read contexts:write')
WHERE CONCAT(' ', scopes, ' ') LIKE '% chat %'
  AND CONCAT(' ', scopes, ' ') LIKE '% conversations:read %'
  AND CONCAT(' ', scopes, ' ') LIKE '% conversations:write %'
  AND CONCAT(' ', scopes, ' ') LIKE '% gateway %';
