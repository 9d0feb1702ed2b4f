/**
 * Persistence behind one repository interface: JDBC for SQLite (default, WAL) and PostgreSQL.
 * Multi-instance safety comes from conditional updates, so a timer transition happens once.
 */
package io.zkmargin.service.store;
