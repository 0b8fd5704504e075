-- Whether a provider's streams ask for usage (stream_options.include_usage, OpenAI protocol):
-- on by default; off for compatible servers that reject the field.
ALTER TABLE providers ADD stream_usage BOOLEAN DEFAULT TRUE NOT NULL;
