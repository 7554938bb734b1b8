// Auth.js endpoints: sign-in callbacks, CSRF token, session, sign-out (CSRF-protected by Auth.js).
import { handlers } from '@/auth';

export const { GET, POST } = handlers;
