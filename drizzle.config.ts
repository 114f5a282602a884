import { defineConfig } from 'drizzle-kit';

// Migrations are generated from lib/db/schema.ts into lib/db/migrations and committed.
// The app applies them itself at start (lib/db/client.ts); drizzle-kit is only needed to generate new ones.
const url = process.env.DATABASE_URL;

export default url
  ? defineConfig({ dialect: 'postgresql', schema: './lib/db/schema.ts', out: './lib/db/migrations', dbCredentials: { url } })
  : defineConfig({
      dialect: 'postgresql',
      driver: 'pglite',
      schema: './lib/db/schema.ts',
      out: './lib/db/migrations',
      dbCredentials: { url: process.env.PGLITE_DIR ?? './.data' },
    });
