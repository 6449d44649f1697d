/**
 * Working days and holidays: the Saudi week, the sector's Hijri holidays, and due dates
 * for policy deadlines.
 */
@org.jspecify.annotations.NullMarked
package sa.rawabit.policy.calendar;
