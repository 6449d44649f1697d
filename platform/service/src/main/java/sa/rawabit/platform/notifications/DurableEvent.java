package sa.rawabit.platform.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fact one module commits and others may react to (e.g. {@code ComplaintResolved}): a
 * record owned by the publishing module, carried on the outbox row written in the
 * business transaction, so it exists if and only if the change does. Reactions receive
 * the record itself ({@link Reaction}); nobody matches topic strings. Its {@link Type} is
 * the stable name stored with it; renaming the record keeps it.
 */
public interface DurableEvent {

	/** The stable stored name of an event record, e.g. {@code complaint.resolved}. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	@interface Type {

		String value();

	}

	/** The stored name of {@code type}; every event record must be annotated. */
	static String typeOf(Class<? extends DurableEvent> type) {
		Type name = type.getAnnotation(Type.class);
		if (name == null) {
			throw new IllegalStateException(type.getName() + " is a DurableEvent without @DurableEvent.Type");
		}
		return name.value();
	}

}
