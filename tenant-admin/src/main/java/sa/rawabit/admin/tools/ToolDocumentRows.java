package sa.rawabit.admin.tools;

import java.nio.ByteBuffer;
import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.tools.UploadForm.Upload;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Rows of {@code control.tool_document}, filtered by row-level security to the
 * surrounding tenant.
 */
@Repository
class ToolDocumentRows {

	private static final String COLUMNS = """
			select tool_id, version, file_name, media_type, size_bytes, sha256, public, change_note, uploaded_by,
			       uploaded_at
			from control.tool_document""";

	private final DatabaseClient database;

	ToolDocumentRows(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The next version number and the row in one statement; two uploads racing for the
	 * same number meet at the primary key and the later one fails instead of overwriting.
	 */
	Mono<ToolVersion> insertNext(TenantId tenant, String toolId, Upload upload, String actor, Instant at) {
		DocumentFile file = upload.file();
		var insert = database
			.sql("""
					insert into control.tool_document (tenant_id, tool_id, version, file_name, media_type, size_bytes, sha256,
					                                   content, public, change_note, uploaded_by, uploaded_at)
					select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11
					from control.tool_document where tool_id = $2
					returning version""")
			.bind(0, tenant.value())
			.bind(1, toolId)
			.bind(2, file.fileName())
			.bind(3, file.mediaType())
			.bind(4, file.content().length)
			.bind(5, file.sha256())
			.bind(6, ByteBuffer.wrap(file.content()))
			.bind(7, upload.publicDocument())
			.bind(9, actor)
			.bind(10, at);
		insert = insert.bind(8, Parameter.fromOrEmpty(upload.changeNote(), String.class));
		return insert.map(row -> row.get("version", Integer.class))
			.one()
			.map(version -> new ToolVersion(toolId, version, file.fileName(), file.mediaType(), file.content().length,
					file.sha256(), upload.publicDocument(), upload.changeNote(), actor, at));
	}

	Flux<ToolVersion> findAll() {
		return database.sql(COLUMNS + " order by tool_id, version desc").map(ToolDocumentRows::row).all();
	}

	Mono<StoredDocument> content(String toolId, int version) {
		return database
			.sql("select file_name, media_type, content from control.tool_document where tool_id = $1 and version = $2")
			.bind(0, toolId)
			.bind(1, version)
			.map(row -> {
				ByteBuffer buffer = row.get("content", ByteBuffer.class);
				byte[] bytes = new byte[buffer.remaining()];
				buffer.get(bytes);
				return new StoredDocument(row.get("file_name", String.class), row.get("media_type", String.class),
						bytes);
			})
			.one();
	}

	private static ToolVersion row(Readable row) {
		return new ToolVersion(row.get("tool_id", String.class), row.get("version", Integer.class),
				row.get("file_name", String.class), row.get("media_type", String.class),
				row.get("size_bytes", Integer.class), row.get("sha256", String.class), row.get("public", Boolean.class),
				row.get("change_note", String.class), row.get("uploaded_by", String.class),
				row.get("uploaded_at", Instant.class));
	}

	record StoredDocument(String fileName, String mediaType, byte[] content) {
	}

}
