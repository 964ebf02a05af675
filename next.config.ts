import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./server/i18n/request.ts');

const nextConfig: NextConfig = {
  // One PGlite instance per process; native argon2 must not be bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'exceljs', 'chinese-days', 'sm-crypto'],
  poweredByHeader: false,
  reactStrictMode: true,
  outputFileTracingIncludes: { '/**': ['./content/regulations/**', './db/migrations/**'] },
};

export default withNextIntl(nextConfig);
