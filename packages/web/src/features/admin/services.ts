import { createAdminApi } from '../../lib/admin-api.ts';
import { api } from '../../lib/services.ts';

/** The admin screens' client, on the app's own: the session's token, and a 401 ends the session. */
export const adminApi = createAdminApi(api.request);
