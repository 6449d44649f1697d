package sa.rawabit.foundation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class RowInsertTests {

	@Test
	void sqlWhenFirstPlaceholderGivenThenNumbersTheValuesFromIt() {
		RowInsert row = new RowInsert("app.audit_event", List.of("tenant_id", "actor"), List.of("t", "a"));

		assertThat(row.sql(1)).isEqualTo("insert into app.audit_event (tenant_id, actor) values ($1, $2)");
		assertThat(row.sql(11)).isEqualTo("insert into app.audit_event (tenant_id, actor) values ($11, $12)");
	}

	@Test
	void newWhenColumnsAndValuesDifferInNumberThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RowInsert("app.outbox", List.of("a", "b"), List.of("only one")))
			.withMessage("2 columns, 1 values");
	}

}
