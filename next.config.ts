import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // WASM (PGlite) and dynamic imports are what bundlers break; load these from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "nodemailer", "rate-limiter-flexible", "pg-boss"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
