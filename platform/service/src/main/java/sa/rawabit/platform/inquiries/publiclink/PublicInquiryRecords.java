package sa.rawabit.platform.inquiries.publiclink;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.publicaccess.TrackingCode;

/**
 * SQL for the tracking code of a public inquiry, stored and looked up as its hash only;
 * inside the caller's tenant transaction, RLS the only filter.
 */
@Repository
class PublicInquiryRecords {

	private final DatabaseClient database;

	PublicInquiryRecords(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> track(InquiryId id, TrackingCode code) {
		return database.sql("update app.inquiry set tracking_hash = $1 where id = $2")
			.bind(0, code.hash())
			.bind(1, id.value())
			.then();
	}

	/**
	 * Where the inquiry stands, and nothing it says: never the question, the answer or
	 * who asked.
	 */
	Mono<Tracked> find(TrackingCode code) {
		return database.sql("""
				select state, received_at, answered_at, converted_at from app.inquiry
				where tracking_hash = $1 and received_by = $2""")
			.bind(0, code.hash())
			.bind(1, PublicInquiryLink.RECEIVED_BY)
			.map(row -> new Tracked(code.value(), row.get("state", String.class), row.get("received_at", Instant.class),
					row.get("answered_at", Instant.class), row.get("converted_at", Instant.class)))
			.one();
	}

	/** A public inquiry as the public may see it: its state and dates. */
	record Tracked(String trackingCode, String state, Instant receivedAt, @Nullable Instant answeredAt,
			@Nullable Instant convertedAt) {
	}

}
