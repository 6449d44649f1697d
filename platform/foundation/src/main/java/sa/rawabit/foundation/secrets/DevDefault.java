package sa.rawabit.foundation.secrets;

/**
 * A credential's stand-in that only the local stack and the tests may run with: the value
 * a property takes when nothing sets it. Outside the {@code dev} profile an application
 * refuses to start while one is in use ({@link DevDefaultsGuard}); each application
 * declares its own as beans.
 *
 * @param property the Spring property, e.g. {@code rawabit.secrets.key}
 * @param variable the environment variable operators set it with
 * @param value the stand-in; a property left unset also counts as using it
 */
public record DevDefault(String property, String variable, String value) {
}
