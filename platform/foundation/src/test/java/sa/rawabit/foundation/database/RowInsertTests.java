package sa.rawabit.foundation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.Parameter;

class RowInsertTests {

	@Test
	void sqlWhenFirstPlaceholderGivenThenNumbersTheValuesFromIt() {
		RowInsert row = new RowInsert("app.audit_event", List.of("tenant_id", "actor"), List.of("t", "a"));

		assertThat(row.sql(1)).isEqualTo("insert into app.audit_event (tenant_id, actor) values ($1, $2)");
		assertThat(row.sql(11)).isEqualTo("insert into app.audit_event (tenant_id, actor) values ($11, $12)");
	}

	@Test
	void statementSqlWhenSeveralRowsThenEachButTheLastIsAWithClauseNumberedOnFromTheRowBefore() {
		RowInsert complaint = new RowInsert("app.complaint", List.of("id", "state"), List.of("c", "received"));
		RowInsert audit = new RowInsert("app.audit_event", List.of("actor"), List.of("a"));
		RowInsert outbox = new RowInsert("app.outbox", List.of("topic", "payload"), List.of("t", "p"));

		assertThat(RowInsert.statementSql(List.of(complaint, audit, outbox)))
			.isEqualTo("with row_0 as (insert into app.complaint (id, state) values ($1, $2)), "
					+ "row_1 as (insert into app.audit_event (actor) values ($3)) "
					+ "insert into app.outbox (topic, payload) values ($4, $5)");
		assertThat(RowInsert.statementSql(List.of(audit))).isEqualTo("insert into app.audit_event (actor) values ($1)");
	}

	@Test
	void statementSqlWhenSameShapeAgainThenComposedOnceAndOtherShapesKeepTheirOwn() {
		RowInsert first = new RowInsert("app.outbox", List.of("topic", "payload"), List.of("t", "p"));
		RowInsert again = new RowInsert("app.outbox", List.of("topic", "payload"), List.of("other", "values"));
		RowInsert fewer = new RowInsert("app.outbox", List.of("topic"), List.of("t"));
		RowInsert elsewhere = new RowInsert("app.audit_event", List.of("topic", "payload"), List.of("t", "p"));

		assertThat(RowInsert.statementSql(List.of(again))).isSameAs(RowInsert.statementSql(List.of(first)));
		assertThat(RowInsert.statementSql(List.of(fewer))).isEqualTo("insert into app.outbox (topic) values ($1)");
		assertThat(RowInsert.statementSql(List.of(elsewhere)))
			.isEqualTo("insert into app.audit_event (topic, payload) values ($1, $2)");
		assertThat(RowInsert.statementSql(List.of(fewer, again)))
			.isEqualTo("with row_0 as (insert into app.outbox (topic) values ($1)) "
					+ "insert into app.outbox (topic, payload) values ($2, $3)");
	}

	@Test
	void writeWhenOneValueStandsInSeveralRowsThenBoundOnceWhereverItStands() {
		UUID tenant = UUID.randomUUID();
		UUID subject = UUID.randomUUID();
		String actor = new String("officer");
		RowInsert complaint = new RowInsert("app.complaint", List.of("tenant_id", "id", "received_by", "contact"),
				List.of(tenant, subject, actor, Parameter.empty(String.class)));
		RowInsert audit = new RowInsert("app.audit_event",
				List.of("tenant_id", "subject_id", "actor", "from_state", "detail"),
				List.of(UUID.fromString(tenant.toString()), subject, actor, Parameter.empty(String.class),
						new String("officer")));

		Write write = RowInsert.write(List.of(complaint, audit), "");

		assertThat(write.sql()).isEqualTo(
				"with row_0 as (insert into app.complaint (tenant_id, id, received_by, contact) values ($1, $2, $3, $4)) "
						+ "insert into app.audit_event (tenant_id, subject_id, actor, from_state, detail) values ($1, $2, $3, $4, $5)");
		assertThat(write.values()).as("text that only reads alike is its own value")
			.containsExactly(tenant, subject, actor, Parameter.empty(String.class), "officer");
	}

	@Test
	void writeWhenEqualValuesOfDifferentTypesThenEachBoundWithItsOwn() {
		RowInsert row = new RowInsert("app.deadline", List.of("a", "b", "c", "d"),
				List.of(1, 1L, Parameter.empty(String.class), Parameter.empty(UUID.class)));

		assertThat(RowInsert.write(List.of(row), "").values()).hasSize(4);
	}

	@Test
	void newWhenColumnsAndValuesDifferInNumberThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RowInsert("app.outbox", List.of("a", "b"), List.of("only one")))
			.withMessage("2 columns, 1 values");
	}

}
