import { expose } from 'comlink';
import { suggestApi } from './suggest-api';

expose(suggestApi);
