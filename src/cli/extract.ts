import { runAsProcess } from './cli-io';
import { extractCli } from './extract-cli';

runAsProcess(extractCli);
