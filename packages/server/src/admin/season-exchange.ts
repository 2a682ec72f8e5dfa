import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminIdParams,
  SeasonExport,
  SeasonExportZip,
  SeasonImportAnswer,
  SeasonImportBody,
} from '@touchline/contract';
import { seasonCsvZip } from './season-csv.ts';
import { buildSeasonExport } from './season-export.ts';
import { importSeason } from './season-import.ts';
import { adminWrite } from './write.ts';

const tags = ['admin'];
/** A season with every event of every match; far above the 256 KiB other bodies may have. */
const IMPORT_LIMIT = 32 * 1024 * 1024;
const download = (id: string, extension: string) => `attachment; filename="touchline-season-${id}.${extension}"`;

/** A season out as one JSON document or CSV files in a ZIP, and that JSON into an empty installation (decision 033). */
export const seasonExchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/seasons/:id/export.json',
    { schema: { params: AdminIdParams, tags, response: { 200: SeasonExport } } },
    async (req, reply) => {
      const doc = await buildSeasonExport(app.db, req.params.id);
      return reply.header('content-disposition', download(doc.season.id, 'json')).send(doc);
    },
  );

  app.get(
    '/seasons/:id/export.zip',
    {
      schema: {
        params: AdminIdParams,
        tags,
        response: { 200: { content: { 'application/zip': { schema: SeasonExportZip } } } },
      },
    },
    async (req, reply) => {
      const doc = await buildSeasonExport(app.db, req.params.id);
      // The schema documents a binary body, which Fastify sends as a Buffer, untouched by the serializer.
      return (reply as FastifyReply)
        .type('application/zip')
        .header('content-disposition', download(doc.season.id, 'zip'))
        .send(Buffer.from(seasonCsvZip(doc)));
    },
  );

  app.post(
    '/import',
    { bodyLimit: IMPORT_LIMIT, schema: { body: SeasonImportBody, tags, response: { 201: SeasonImportAnswer } } },
    async (req, reply) => reply.code(201).send(await adminWrite(req, (w) => importSeason(w, req.body))),
  );
};
