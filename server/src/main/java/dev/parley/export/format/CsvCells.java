package dev.parley.export.format;

import java.io.IOException;
import java.io.Writer;

import org.jspecify.annotations.Nullable;

/**
 * One CSV cell as RFC 4180 writes it, made safe to open in a spreadsheet: a cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * (which spreadsheets read as a formula) gets a leading {@code '}; a cell holding a
 * comma, a double quote, a carriage return or a line feed is quoted, its quotes doubled.
 */
final class CsvCells {

	private CsvCells() {
	}

	static void write(Writer out, @Nullable String value) throws IOException {
		if (value == null || value.isEmpty()) {
			return;
		}
		String cell = formulaLike(value.charAt(0)) ? "'" + value : value;
		if (!needsQuotes(cell)) {
			out.write(cell);
			return;
		}
		out.write('"');
		int start = 0;
		for (int i = 0; i < cell.length(); i++) {
			if (cell.charAt(i) == '"') {
				out.write(cell, start, i + 1 - start);
				out.write('"');
				start = i + 1;
			}
		}
		out.write(cell, start, cell.length() - start);
		out.write('"');
	}

	static boolean formulaLike(char first) {
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	private static boolean needsQuotes(String cell) {
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == ',' || c == '"' || c == '\r' || c == '\n') {
				return true;
			}
		}
		return false;
	}

}
