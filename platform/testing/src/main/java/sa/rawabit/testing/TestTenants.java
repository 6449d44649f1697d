package sa.rawabit.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Registers associations the way the control plane does: as tenant-admin's role, in
 * control.tenant.
 */
public final class TestTenants {

	private TestTenants() {
	}

	/**
	 * A registered association: its id and its slug (which its policy file must name).
	 */
	public record TestTenant(TenantId id, String slug) {
	}

	/** A new active association with a unique slug starting with {@code prefix}. */
	public static TenantId create(String prefix) {
		return register(prefix).id();
	}

	public static TestTenant register(String prefix) {
		return register(TestDatabase.get(), prefix);
	}

	/** As {@link #register(String)}, in {@code database} (e.g. a dedicated server). */
	public static TestTenant register(TestDatabase database, String prefix) {
		TenantId id = TenantId.random();
		String slug = prefix + "-" + id.value().toString().substring(0, 8);
		try (Connection admin = database
			.connectAs(DatabaseRoles.TENANT_ADMIN); PreparedStatement insert = admin.prepareStatement("""
					insert into control.tenant (id, slug, name_ar, name_en, licence_authority, licence_number, region)
					values (?, ?, ?, ?, 'NCNP', ?, 'Riyadh')""")) {
			insert.setObject(1, id.value());
			insert.setString(2, slug);
			insert.setString(3, "جمعية " + prefix);
			insert.setString(4, "Association " + prefix);
			insert.setString(5, UUID.randomUUID().toString().substring(0, 12));
			insert.executeUpdate();
			return new TestTenant(id, slug);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not register test association " + prefix, ex);
		}
	}

	/**
	 * The association with this exact slug (e.g. a demo realm's), registered if it is not
	 * yet.
	 */
	public static TenantId ensure(String slug) {
		try (Connection admin = TestDatabase.get()
			.connectAs(DatabaseRoles.TENANT_ADMIN); PreparedStatement upsert = admin.prepareStatement("""
					insert into control.tenant (id, slug, name_ar, name_en, licence_authority, licence_number, region)
					values (?, ?, ?, ?, 'NCNP', ?, 'Riyadh')
					on conflict (slug) do update set slug = excluded.slug
					returning id""")) {
			upsert.setObject(1, UUID.randomUUID());
			upsert.setString(2, slug);
			upsert.setString(3, "جمعية " + slug);
			upsert.setString(4, "Association " + slug);
			upsert.setString(5, "demo-" + slug);
			var row = upsert.executeQuery();
			row.next();
			return new TenantId((UUID) row.getObject(1));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not register association " + slug, ex);
		}
	}

	public static void setStatus(TenantId id, String status) {
		try (Connection admin = TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN);
				PreparedStatement update = admin
					.prepareStatement("update control.tenant set status = ?, updated_at = now() where id = ?")) {
			update.setString(1, status);
			update.setObject(2, id.value());
			update.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not change status of " + id, ex);
		}
	}

}
