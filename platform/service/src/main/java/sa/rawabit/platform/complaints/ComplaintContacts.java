package sa.rawabit.platform.complaints;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;

/**
 * How to reach whoever filed a complaint: the contact they left on it (an e-mail address
 * or a phone number), for modules that follow up after it closed. Needs the tenant in the
 * Reactor Context; empty when no contact was left.
 */
@Service
public class ComplaintContacts {

	private final DatabaseClient database;

	private final Transactions transactions;

	ComplaintContacts(DatabaseClient database, Transactions transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	public Mono<String> contactOf(ComplaintId complaint) {
		return transactions
			.inTenant(database.sql("select contact from app.complaint where id = $1 and contact is not null")
				.bind(0, complaint.value())
				.map(row -> row.get("contact", String.class))
				.one());
	}

}
