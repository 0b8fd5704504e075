/**
 * Reading export files one conversation at a time with Jackson's streaming parser: the
 * formats (Parley's own, ChatGPT's, Open WebUI's), how a file's format is recognised, and
 * the order in which a conversation's tree of messages is written.
 */
@NullMarked
package dev.parley.importing.source;

import org.jspecify.annotations.NullMarked;
