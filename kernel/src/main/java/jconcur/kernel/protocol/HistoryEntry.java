package jconcur.kernel.protocol;

/** One executed cell in the history: session number, execution count (line), source and text of its result. */
public record HistoryEntry(int session, int line, String input, String output) {}
