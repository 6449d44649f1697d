package sa.rawabit.platform.satisfaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * SQL for instrument records; every method runs inside the caller's tenant transaction
 * (RLS does the rest).
 */
@Repository
class SatisfactionRecords {

	private static final String COLUMNS = """
			select id, kind, instrument_id, held_on, place, participants, findings, actions, recorded_by,
			    recorded_by_name, recorded_at
			from app.satisfaction_record """;

	private final DatabaseClient database;

	SatisfactionRecords(DatabaseClient database) {
		this.database = database;
	}

	Mono<SatisfactionRecord> insert(SatisfactionRecord record) {
		return TenantContext.require().flatMap(tenant -> {
			var insert = database
				.sql("""
						insert into app.satisfaction_record (tenant_id, id, kind, instrument_id, held_on, place, participants,
						    findings, actions, recorded_by, recorded_by_name, recorded_at)
						values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
				.bind(0, tenant.value())
				.bind(1, record.id())
				.bind(2, record.kind())
				.bind(4, record.heldOn())
				.bind(7, record.findings())
				.bind(9, record.recordedBy())
				.bind(11, record.recordedAt());
			insert = insert.bind(3, Parameter.fromOrEmpty(record.instrumentId(), String.class));
			insert = insert.bind(5, Parameter.fromOrEmpty(record.place(), String.class));
			insert = insert.bind(6, Parameter.fromOrEmpty(record.participants(), Integer.class));
			insert = insert.bind(8, Parameter.fromOrEmpty(record.actions(), String.class));
			insert = insert.bind(10, Parameter.fromOrEmpty(record.recordedByName(), String.class));
			return insert.fetch().rowsUpdated().thenReturn(record);
		});
	}

	/** The newest first, by the day held and then by when written down. */
	Flux<SatisfactionRecord> recent(int limit) {
		return database.sql(COLUMNS + " order by held_on desc, recorded_at desc limit $1")
			.bind(0, limit)
			.map(SatisfactionRecords::read)
			.all();
	}

	/** The latest record of each instrument and of the complaints-link log. */
	Flux<SatisfactionRecord> latestPerSubject() {
		return database
			.sql(COLUMNS.replace("select ", "select distinct on (kind, instrument_id) ")
					+ " order by kind, instrument_id, held_on desc, recorded_at desc")
			.map(SatisfactionRecords::read)
			.all();
	}

	private static SatisfactionRecord read(Readable row) {
		return new SatisfactionRecord(row.get("id", UUID.class), row.get("kind", String.class),
				row.get("instrument_id", String.class), row.get("held_on", LocalDate.class),
				row.get("place", String.class), row.get("participants", Integer.class),
				row.get("findings", String.class), row.get("actions", String.class),
				row.get("recorded_by", String.class), row.get("recorded_by_name", String.class),
				row.get("recorded_at", Instant.class));
	}

}
