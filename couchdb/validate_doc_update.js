// The team database's validate_doc_update, as CouchDB runs it (plain ES5: CouchDB's JavaScript
// engine may be an old SpiderMonkey). couchdb/design.ts sends this text without the outer
// parentheses; couchdb/validate.test.ts evaluates the same text.
//
// Who may write: server admins, the database's admins (by name or role in _security.admins) and
// users holding the role "claimdesk:writer:<db>". Everyone else is refused with `forbidden`,
// including viewers ("claimdesk:viewer:<db>"), who may read because _security.members lists
// that role. See docs/SYNC.md "Roles".
(function (newDoc, oldDoc, userCtx, secObj) {
  var TABLES = ['articles', 'claims', 'speakers', 'sources', 'evidence', 'questions', 'history'];
  var HISTORY_TABLES = ['articles', 'claims', 'speakers', 'sources', 'evidence', 'questions'];
  var HISTORY_FIXED = ['table', 'rowId', 'batchId', 'at'];
  var MAX_ROW_ID = 200;

  var ctx = userCtx || {};
  var roles = ctx.roles || [];
  var sec = secObj || {};
  var admins = sec.admins || {};
  var adminNames = admins.names || [];
  var adminRoles = admins.roles || [];
  var db = ctx.db || '';

  var has = function (list, value) {
    for (var i = 0; i < list.length; i++) if (list[i] === value) return true;
    return false;
  };
  var isAdmin = has(roles, '_admin') || (ctx.name != null && has(adminNames, ctx.name));
  for (var r = 0; !isAdmin && r < roles.length; r++) if (has(adminRoles, roles[r])) isAdmin = true;
  var isWriter = isAdmin || has(roles, 'claimdesk:writer:' + db);

  if (!isWriter) {
    if (has(roles, 'claimdesk:viewer:' + db)) {
      throw { forbidden: 'Viewers of this team library cannot change it.' };
    }
    throw { forbidden: 'Only writers and admins of this team library can change it.' };
  }

  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) {
    if (!isAdmin) throw { forbidden: 'Only admins of this team library can change its design documents.' };
    return;
  }

  // Removing a revision (DELETE, or _deleted in _bulk_docs) carries no body: writers need it to
  // remove the losing revisions of a conflict. The app itself deletes rows by tombstone (deletedAt).
  if (newDoc._deleted === true) return;

  var colon = id.indexOf(':');
  var table = colon > 0 ? id.slice(0, colon) : '';
  var rowId = colon > 0 ? id.slice(colon + 1) : '';
  if (!has(TABLES, table)) {
    throw {
      forbidden:
        'Document id "' + id + '" must be <table>:<rowId> with table one of ' + TABLES.join(', ') + '.',
    };
  }
  if (rowId.length === 0 || rowId.length > MAX_ROW_ID || /[\s\u0000-\u001f]/.test(rowId)) {
    throw { forbidden: 'Document id "' + id + '" has an empty, over-long or malformed row id.' };
  }
  if (newDoc.id !== rowId) {
    throw {
      forbidden:
        'Document ' + id + ' must carry its row id in "id" (found ' + JSON.stringify(newDoc.id) + ').',
    };
  }

  var isTime = function (v) {
    return typeof v === 'number' && isFinite(v) && v >= 0;
  };

  if (table === 'history') {
    if (!has(HISTORY_TABLES, newDoc.table))
      throw { forbidden: 'History entry ' + id + ' has no valid "table".' };
    if (typeof newDoc.rowId !== 'string' || newDoc.rowId.length === 0) {
      throw { forbidden: 'History entry ' + id + ' has no "rowId".' };
    }
    if (typeof newDoc.batchId !== 'string' || newDoc.batchId.length === 0) {
      throw { forbidden: 'History entry ' + id + ' has no "batchId".' };
    }
    if (!isTime(newDoc.at))
      throw { forbidden: 'History entry ' + id + ' needs "at" (milliseconds since the epoch).' };
    if (oldDoc && !oldDoc._deleted) {
      for (var f = 0; f < HISTORY_FIXED.length; f++) {
        var k = HISTORY_FIXED[f];
        if (JSON.stringify(oldDoc[k]) !== JSON.stringify(newDoc[k])) {
          throw { forbidden: 'History is append-only: "' + k + '" of ' + id + ' cannot change.' };
        }
      }
    }
    return;
  }

  if (!isTime(newDoc.updatedAt)) {
    throw { forbidden: 'Row ' + id + ' needs "updatedAt" (milliseconds since the epoch).' };
  }
  if (newDoc.deletedAt !== undefined && newDoc.deletedAt !== null && !isTime(newDoc.deletedAt)) {
    throw { forbidden: 'Row ' + id + ' has a "deletedAt" that is neither null nor a time.' };
  }
});
