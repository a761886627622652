import { runAsProcess } from './cli-io';
import { convertCli } from './convert-cli';

runAsProcess(convertCli);
