// The store and backend tests of this package run on real databases (SQLite,
// and PostgreSQL and MySQL/MariaDB where configured) and start Backstage
// backends, which on CI's small shared machines can take longer than Jest's
// default 5 seconds. A passing test does not take longer for this.
jest.setTimeout(60_000);
