/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // firebase-admin and its gRPC stack stay in node_modules rather than in the server bundle.
  serverExternalPackages: ['firebase-admin'],
  typedRoutes: false,
};

export default nextConfig;
