/**
 * Asking to join a group: a person asks, the group's chairs, vice-chairs and secretariat accept or
 * decline, and each side is told through a notification. Memberships themselves stay the workspace's.
 */
package org.rapporteur.joining;
