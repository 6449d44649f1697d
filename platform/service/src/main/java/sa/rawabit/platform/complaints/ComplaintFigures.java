package sa.rawabit.platform.complaints;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;

/**
 * The association's complaint counts for its own governance reports (the tenant in the Reactor
 * Context): filed, closed (settled or resolved), open, and escalated now or before closing (from the
 * audit trail), as the national view defines them (OVERSIGHT.md).
 */
@Service
public class ComplaintFigures {

	private final DatabaseClient database;

	private final Transactions transactions;

	ComplaintFigures(DatabaseClient database, Transactions transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	public record Figures(long filed, long closed, long open, long escalated) {
	}

	public Mono<Figures> counts() {
		return transactions.inTenant(database.sql("""
				select count(*) as filed,
				       count(*) filter (where c.state in ('settled', 'resolved')) as closed,
				       count(*) filter (where c.state not in ('settled', 'resolved')) as open,
				       count(*) filter (where c.state = 'escalated' or exists (
				           select 1 from app.audit_event e
				           where e.subject_type = 'complaint' and e.subject_id = c.id
				             and e.action = 'complaint.escalated')) as escalated
				from app.complaint c""")
			.map(row -> new Figures(row.get("filed", Long.class), row.get("closed", Long.class),
					row.get("open", Long.class), row.get("escalated", Long.class)))
			.one());
	}
}
