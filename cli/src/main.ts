#!/usr/bin/env node
/** Entry point of the `tessera` command. */
import 'reflect-metadata';
import { buildProgram } from './program.js';

await buildProgram().parseAsync(process.argv);
