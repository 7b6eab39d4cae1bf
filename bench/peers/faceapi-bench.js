// The original face-api JavaScript on the images our pipeline is timed on (bench/peers/lfw-50.txt), one thread:
//   node faceapi-bench.js [--backend wasm|cpu] [--rounds 3] [--warmup 50] [--list lfw-50.txt]
// Same work per image as `pipeline time`: tiny face detector at 416 (score 0.5), 68 landmarks, 128-D descriptor of
// every face. cpu_ms_per_image (process CPU time) stays honest when other work shares the cores. JPEG decoding (jpeg-js) is timed apart and left out of ms_per_image, in face-api's favour.
'use strict';

const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const root = path.resolve(__dirname, '..', '..');
const home = process.env.ACCESSGRID_HOME ? path.resolve(process.env.ACCESSGRID_HOME) : path.join(root, '.accessgrid');
const lfw = path.resolve(root, '..', 'shared', 'datasets', 'lfw-dev');
const backend = option('backend', 'wasm');
const rounds = Number(option('rounds', '3'));
const warmup = Number(option('warmup', '50')); // images analysed before timing (the pure-JS backend needs seconds each)
const listFile = path.resolve(__dirname, option('list', 'lfw-50.txt'));

function decode(file) {
  const { width, height, data } = jpeg.decode(fs.readFileSync(file), { useTArray: true, formatAsRGBA: false });
  return tf.tensor3d(data, [height, width, 3], 'int32');
}

async function analyze(tensor) {
  return faceapi
    .detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }))
    .withFaceLandmarks()
    .withFaceDescriptors();
}

async function main() {
  if (!fs.existsSync(lfw)) throw new Error(`${lfw} is missing: ../shared must sit beside the repository`);
  if (backend === 'wasm') {
    // The single-threaded SIMD binary: one core each, as our pipeline is timed.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep));
  } else if (backend !== 'cpu') {
    throw new Error(`unknown backend ${backend} (wasm or cpu)`);
  }
  await tf.setBackend(backend);
  await tf.ready();
  const models = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(models);

  const files = fs.readFileSync(listFile, 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')).map((l) => path.join(lfw, l));
  let decodeMs = 0;
  const tensors = files.map((f) => { const t0 = performance.now(); const t = decode(f); decodeMs += performance.now() - t0; return t; });

  for (const t of tensors.slice(0, warmup)) await analyze(t);
  const perRound = [];
  const cpuPerRound = [];
  let faces = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    faces = 0;
    for (const t of tensors) faces += (await analyze(t)).length;
    const c = process.cpuUsage(c0);
    perRound.push((performance.now() - t0) / tensors.length);
    cpuPerRound.push((c.user + c.system) / 1000 / tensors.length);
  }
  tensors.forEach((t) => t.dispose());

  const result = {
    engine: `face-api ${faceapi.version} tfjs ${tf.version_core} ${backend}${backend === 'wasm' ? ' simd 1 thread' : ''}`,
    images: files.length,
    faces,
    ms_per_image: Math.min(...perRound),
    ms_per_image_rounds: perRound,
    cpu_ms_per_image: Math.min(...cpuPerRound),
    decode_ms_per_image: decodeMs / files.length,
  };
  console.log(JSON.stringify(result));
  fs.mkdirSync(path.join(home, 'bench', 'results'), { recursive: true });
  fs.appendFileSync(path.join(home, 'bench', 'results', 'pipeline.jsonl'), `${JSON.stringify(result)}\n`);
}

main().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });
