package dev.parley.platform.json;

import java.io.DataInput;
import java.io.InputStream;
import java.io.Reader;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The web layer's {@link JsonFactory}: every parser it makes is a
 * {@link StrictTextParser}, so every request body read through the web mapper is held to
 * {@link StorableText} whatever type it is read as. Jackson's own settings otherwise
 * ({@link #rebuild()} gives a plain factory's builder).
 */
final class StrictTextJsonFactory extends JsonFactory {

	private static final long serialVersionUID = 1L;

	StrictTextJsonFactory() {
	}

	private StrictTextJsonFactory(StrictTextJsonFactory source) {
		super(source);
	}

	@Override
	public StrictTextJsonFactory copy() {
		return new StrictTextJsonFactory(this);
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext io, InputStream in) {
		return new StrictTextParser(super._createParser(readContext, io, in));
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext io, Reader reader) {
		return new StrictTextParser(super._createParser(readContext, io, reader));
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext io, char[] data, int offset, int length,
			boolean recyclable) {
		return new StrictTextParser(super._createParser(readContext, io, data, offset, length, recyclable));
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext io, byte[] data, int offset,
			int length) {
		return new StrictTextParser(super._createParser(readContext, io, data, offset, length));
	}

	@Override
	protected JsonParser _createParser(ObjectReadContext readContext, IOContext io, DataInput input) {
		return new StrictTextParser(super._createParser(readContext, io, input));
	}

	@Override
	public JsonParser createNonBlockingByteArrayParser(ObjectReadContext readContext) {
		return new StrictTextParser(super.createNonBlockingByteArrayParser(readContext));
	}

	@Override
	public JsonParser createNonBlockingByteBufferParser(ObjectReadContext readContext) {
		return new StrictTextParser(super.createNonBlockingByteBufferParser(readContext));
	}

}
