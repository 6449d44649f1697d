package sa.rawabit.platform.tools;

import java.nio.ByteBuffer;
import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads {@code control.tool_document} (the platform may only read it), filtered by
 * row-level security. What a version is (name, type, size, public or not) and its bytes
 * are read apart: a refused download must not cost reading up to 10 MB, and a granted one
 * is sent a slice at a time.
 */
@Repository
class ToolDocumentRecords {

	private static final String COLUMNS = "tool_id, version, file_name, media_type, size_bytes, public, uploaded_at";

	private final DatabaseClient database;

	ToolDocumentRecords(DatabaseClient database) {
		this.database = database;
	}

	/** The latest version of every tool that has one. */
	Flux<ToolDocument> latest() {
		return database
			.sql("select distinct on (tool_id) " + COLUMNS
					+ " from control.tool_document order by tool_id, version desc")
			.map(ToolDocumentRecords::row)
			.all();
	}

	/**
	 * The given version, or the latest when {@code version} is null; without its content.
	 */
	Mono<ToolDocument> find(String toolId, @Nullable Integer version) {
		String which = version == null ? " order by version desc limit 1" : " and version = $2";
		var query = database.sql("select " + COLUMNS + " from control.tool_document where tool_id = $1" + which)
			.bind(0, toolId);
		if (version != null) {
			query = query.bind(1, version);
		}
		return query.map(ToolDocumentRecords::row).one();
	}

	/**
	 * {@code length} bytes of a version's content from {@code offset} (counted from 0).
	 * PostgreSQL fetches only the TOAST chunks of the slice for content stored
	 * uncompressed, which is how incompressible files (PDF streams, images, DOCX
	 * archives) end up.
	 */
	Mono<ByteBuffer> slice(String toolId, int version, int offset, int length) {
		return database.sql("""
				select substring(content from $3 for $4) as slice
				from control.tool_document where tool_id = $1 and version = $2""")
			.bind(0, toolId)
			.bind(1, version)
			.bind(2, offset + 1)
			.bind(3, length)
			.map(row -> row.get("slice", ByteBuffer.class))
			.one();
	}

	private static ToolDocument row(Readable row) {
		return new ToolDocument(row.get("tool_id", String.class), row.get("version", Integer.class),
				row.get("file_name", String.class), row.get("media_type", String.class),
				row.get("size_bytes", Integer.class), row.get("public", Boolean.class),
				row.get("uploaded_at", Instant.class));
	}

}
