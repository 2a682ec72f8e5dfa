import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * OpenAPI from the routes' own zod schemas, served at /docs (JSON at /docs/json). Registered before the routes,
 * so it sees every one of them.
 */
export const apiDocs = fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Touchline API', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
});
