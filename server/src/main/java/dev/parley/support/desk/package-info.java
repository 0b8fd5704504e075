/**
 * Support conversations and the agents' inbox: status, priority, assignment, labels,
 * snooze, the handoff between the bot and humans with its ownership lock (the chat core's
 * reply gate), human replies, private notes, activity, auto-assignment.
 */
@NullMarked
package dev.parley.support.desk;

import org.jspecify.annotations.NullMarked;
