// Interactive transactions that are safe on SQLite too.
// The SQLite driver adapter runs every query over one shared connection, and its lock only keeps
// transactions from overlapping each other: a plain query from another turn, issued while a
// transaction is open, would run inside it and be rolled back with it. So on SQLite a gate holds
// every query outside the transaction until the transaction ends; queries inside it (recognised by
// their async context) pass. PostgreSQL gives each transaction its own connection: no gate.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, Tx } from "./types.js";
import { findDirectSql, registerDirectSql, transactionDirectSql } from "./direct-sql.js";

const insideTransaction = new AsyncLocalStorage<true>();

export class TransactionGate {
  /** Settles when the open transaction ends; null when none is open. */
  private current: Promise<void> | null = null;

  /** Waits while another async context holds a transaction. */
  async pass(): Promise<void> {
    while (this.current && !insideTransaction.getStore()) await this.current;
  }

  /**
   * Runs a synchronous driver call once no other context holds a transaction. The check and the
   * call happen in the same synchronous step, so no transaction can begin in between.
   */
  async runOutside<T>(call: () => T): Promise<T> {
    while (this.current && !insideTransaction.getStore()) await this.current;
    return call();
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (insideTransaction.getStore()) return work();
    await this.pass();
    let release!: () => void;
    this.current = new Promise<void>((resolve) => (release = resolve));
    try {
      return await insideTransaction.run(true, work);
    } finally {
      this.current = null;
      release();
    }
  }
}

const gates = new WeakMap<object, TransactionGate>();

export function registerGate(db: object, gate: TransactionGate): void {
  gates.set(db, gate);
}

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 60_000 };

/** Runs `fn` in one database transaction; everything it does commits or rolls back together. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const gate = gates.get(db);
  const provider = findDirectSql(db)?.provider;
  const run = () =>
    db.$transaction((tx) => {
      // Plain SQL inside the transaction must run on the transaction's connection.
      if (provider) registerDirectSql(tx, transactionDirectSql(tx, provider));
      return fn(tx);
    }, TRANSACTION_OPTIONS);
  return gate ? gate.run(run) : run();
}
