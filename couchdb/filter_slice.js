// The `slice` filter of the team database: `_changes?filter=claimdesk/slice&articles=<ids>` sends
// the rows of the chosen articles (ids comma-separated, row ids without the "articles:" prefix)
// plus the library-wide speakers and sources. couchdb/slice.ts has the faster Mango equivalent and
// the query that picks the article ids (by tag, date range or assignment). Plain ES5 for CouchDB.
(function (doc, req) {
  if (doc._id.indexOf('_design/') === 0) return false;
  // A removed revision has no body to test; the client ignores removals of rows it never had.
  if (doc._deleted) return true;
  var list = (req.query && req.query.articles) || '';
  var wanted = {};
  var ids = String(list).split(',');
  for (var i = 0; i < ids.length; i++) if (ids[i]) wanted[ids[i]] = true;
  var inSlice = function (articleId) {
    return typeof articleId === 'string' && wanted.hasOwnProperty(articleId);
  };
  var table = doc._id.slice(0, doc._id.indexOf(':'));
  if (table === 'speakers' || table === 'sources') return true;
  if (table === 'articles') return inSlice(doc.id);
  if (table === 'claims' || table === 'evidence') return inSlice(doc.articleId);
  if (table === 'questions') {
    var linked = doc.articleIds || [];
    for (var j = 0; j < linked.length; j++) if (inSlice(linked[j])) return true;
    return false;
  }
  if (table === 'history') {
    if (doc.table === 'speakers' || doc.table === 'sources') return true;
    if (doc.table === 'articles') return inSlice(doc.rowId);
    return inSlice(doc.articleId);
  }
  return false;
});
