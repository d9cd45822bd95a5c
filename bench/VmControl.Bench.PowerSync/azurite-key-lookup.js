// Loaded into the bench's private Azurite by run-private.sh (node --require); docs/benchmarks.md has the figures.
//
// Azurite 3.37 finds an entity by its keys with LokiJS findOne({ RowKey, PartitionKey }), which LokiJS answers from
// the RowKey index first. Every VM record has the row key "vm" (one partition per VM), so each lookup in the VM table
// reads every VM row: inserting 100,000 VM records costs about 5 billion row visits (60,000 took 12 minutes here,
// slower with every record), and one read or replace at 100,000 VMs took 79-93 ms. That is Azurite's cost: Azure Table
// Storage keeps (PartitionKey, RowKey) as its index.
//
// This serves that lookup from whichever of the two key indexes matches fewer rows, with the same answer.
// BENCH_AZURITE_KEY_LOOKUP chooses where:
//   insert (default)  only inside an insert, so seeding is linear and the passes (which list and replace, never
//                     insert) run on Azurite's own code;
//   all               every lookup by keys: reads, replaces and deletes too, so a pass pays what a key lookup costs
//                     in an index rather than Azurite's scan.
// run-private.sh does not load this file when the variable is "off".
"use strict";
const fs = require("fs");
const path = require("path");

const mode = process.env.BENCH_AZURITE_KEY_LOOKUP || "insert";
if (mode !== "insert" && mode !== "all") {
  throw new Error(`BENCH_AZURITE_KEY_LOOKUP must be insert, all or off, not '${mode}'.`);
}

const persistence = path.join(path.dirname(fs.realpathSync(process.argv[1])), "persistence");
const storePath = path.join(persistence, "LokiTableMetadataStore.js");
const Store = require(storePath).default;
const Collection = require(require.resolve("lokijs", { paths: [persistence] })).Collection;
if (typeof Store?.prototype?.insertTableEntity !== "function" || typeof Collection?.prototype?.findOne !== "function") {
  throw new Error(`${storePath} is not the Azurite 3.37 table store this file was written for; set BENCH_AZURITE_KEY_LOOKUP=off.`);
}

const lokiFindOne = Collection.prototype.findOne;
let inInsert = false;

function isKeyLookup(query) {
  if (query === null || typeof query !== "object") {
    return false;
  }

  const keys = Object.keys(query);
  return keys.length === 2 && typeof query.RowKey === "string" && typeof query.PartitionKey === "string";
}

// An index that is not kept up to date on every write cannot be trusted here, nor can a collection that hands out
// copies: those keep LokiJS's own lookup.
function indexed(collection) {
  const indices = collection.binaryIndices;
  return collection.adaptiveBinaryIndices === true && !collection.cloneObjects
    && indices.PartitionKey && !indices.PartitionKey.dirty && indices.RowKey && !indices.RowKey.dirty;
}

function rangeOf(collection, key, value) {
  const [low, high] = collection.calculateRange("$eq", key, value);
  return { key, low, high, size: high - low + 1 };
}

// The entity with both keys, or null: what findOne({ RowKey, PartitionKey }) returns, reading only the rows that share
// the rarer of the two keys.
function findByKeys(collection, partitionKey, rowKey) {
  if (collection.data.length === 0) {
    return null;
  }

  const byPartition = rangeOf(collection, "PartitionKey", partitionKey);
  const byRow = rangeOf(collection, "RowKey", rowKey);
  const range = byPartition.size <= byRow.size ? byPartition : byRow;
  const positions = collection.binaryIndices[range.key].values;
  for (let i = range.low; i <= range.high; i++) {
    const doc = collection.data[positions[i]];
    if (doc.PartitionKey === partitionKey && doc.RowKey === rowKey) {
      return doc;
    }
  }

  return null;
}

Collection.prototype.findOne = function (query) {
  if ((mode === "all" || inInsert) && isKeyLookup(query) && indexed(this)) {
    return findByKeys(this, query.PartitionKey, query.RowKey);
  }

  return lokiFindOne.apply(this, arguments);
};

if (mode === "insert") {
  const insert = Store.prototype.insertTableEntity;
  Store.prototype.insertTableEntity = function (...args) {
    // The insert is an async method with no await before its lookup, so the flag is down before any other request runs.
    inInsert = true;
    try {
      return insert.apply(this, args);
    } finally {
      inInsert = false;
    }
  };
}
