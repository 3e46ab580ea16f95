PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta VALUES('library_revision','10');
INSERT INTO meta VALUES('revision','2');
INSERT INTO meta VALUES('schema_version','7');
CREATE TABLE papers (
  key              INTEGER PRIMARY KEY AUTOINCREMENT,
  id               TEXT    NOT NULL UNIQUE,
  arxiv_id         TEXT,
  doi              TEXT,
  title_key        TEXT    NOT NULL,
  title            TEXT    NOT NULL,
  abstract         TEXT,
  authors          TEXT,
  authors_complete INTEGER NOT NULL DEFAULT 1,
  categories       TEXT,
  published        TEXT,
  updated          TEXT,
  venue            TEXT,
  year             INTEGER,
  citations        INTEGER,
  upvotes          INTEGER,
  is_new           INTEGER NOT NULL DEFAULT 0,
  badges           TEXT,
  links            TEXT,
  versions         TEXT,
  comments         TEXT,
  journal_ref      TEXT,
  revision         INTEGER NOT NULL,
  added_at         TEXT    NOT NULL,
  changed_at       TEXT    NOT NULL
, entered_revision INTEGER NOT NULL DEFAULT 0);
INSERT INTO papers VALUES(1,'h:0d8ba070e5fc86fd',NULL,NULL,'h:0d8ba070e5fc86fd','Chiaroscuro Attention: Spending Compute in the Dark','Standard transformers apply self-attention uniformly at every layer and token, regardless of whether the input requires dynamic cross-token interaction. We propose CHIAR-Former (Chiaroscuro Attention), a 4-layer hybrid transformer that routes each token to one of three operators - DCT spectral mixing, RBF kernel mixing, or full self-attention - based on per-token spectral entropy, a theoretically justified complexity signal. Through systematic ablation on WikiText-103, we discover routing collapse: the router consistently rejects RBF in favour of DCT and attention, revealing that spectral mixing and dynamic attention are complementary and sufficient. A purpose-designed DCT+Attention-only variant achieves Val PPL 36.54 on WikiText-103 - a 45% improvement over a full-attention baseline (PPL 66.62) at 62.5% fewer attention FLOPs. We extend evaluation to WikiText-2, IMDB sentiment classification, and synthetic ListOps operations, establishing a clear operating regime: CHIAR-Former excels on large-scale naturalistic text where token diversity supports spectral specialisation, while full attention retains an edge on small datasets and synthetic pattern-matching tasks. These findings - both the wins and the losses - together define when and why spectral routing earns its keep.','["Prateek Kumar Sikdar"]',1,NULL,'2026-06-05',NULL,NULL,NULL,NULL,1,0,'["paper"]',NULL,NULL,NULL,NULL,1,'2026-12-03T08:00:00Z','2026-12-03T08:00:00Z',1);
INSERT INTO papers VALUES(2,'h:68a2ea54397ff7c5',NULL,NULL,'h:68a2ea54397ff7c5','Rethinking the Role of Efficient Attention in Hybrid Architectures','Modern language models increasingly adopt hybrid architectures that combine full attention with efficient attention modules, such as sliding-window attention (SWA) and recurrent sequence mixers. However, how these efficient modules shape model capabilities remains poorly understood. To address this gap, we conduct a systematic analysis across hybrid architectures from three perspectives: scaling behavior, mechanism analysis, and architecture design. First, from a scaling perspective, we find that efficient-attention design primarily affects how fast long-context capability emerges, while different hybrids eventually converge to comparable long-context performance under sufficient training. Second, mechanistically, we show that long-range retrieval is mainly carried by full attention, whereas efficient attention shapes its optimization trajectory. This explains a counter-intuitive phenomenon we call Large-Window Laziness: larger SWA windows can delay the formation of retrieval heads in full-attention layers. Third, guided by this mechanism, we show that applying NoPE to only the full-attention layers of a small-window SWA hybrid substantially improves long-context performance with negligible impact on short-context performance.','["Ziqing Qiao","Yinuo Xu","Chaojun Xiao"]',0,NULL,'2026-06-12',NULL,NULL,NULL,NULL,3,0,'["paper"]',NULL,NULL,NULL,NULL,1,'2026-12-03T08:00:00Z','2026-12-03T08:00:00Z',1);
INSERT INTO papers VALUES(3,'h:97869efcbc39f0ea',NULL,NULL,'h:97869efcbc39f0ea','Vortex: Efficient and Programmable Sparse Attention Serving for AI Agents','Sparse attention is becoming increasingly important for serving large language models (LLMs) as generation lengths continue to grow. However, deploying and evaluating new sparse attention algorithms at scale remains highly engineering-intensive, slowing both human researchers and AI agents in exploring the sparse attention design. To address this challenge, we present Vortex, a system that combines a Python-embedded frontend language atop a page-centric tensor abstraction for expressing a broad range of sparse attention algorithms, with an efficient backend tightly integrated into modern LLM serving stacks. Vortex enables rapid prototyping, deployment, and evaluation of sparse attention algorithms, effectively translating their theoretical efficiency gains into real-world throughput improvements. As a result, Vortex substantially accelerates the design and iteration of sparse attention algorithms. First, AI agents use Vortex to automatically generate and refine diverse algorithms, the best reaching up to $3.46\times$ higher throughput than full attention while preserving accuracy. Second, Vortex extends sparse attention to emerging architectures and very large models that are otherwise hard to experiment with, reaching up to $4.7\times$ higher throughput on the MLA-based GLM-4.7-Flash and $1.37\times$ on the 229B-parameter MiniMax-M2.7 on NVIDIA B200 GPUs.','["Zhuoming Chen","Xinrui Zhong","Qilong Feng"]',0,'["cs.AI"]','2026-06-04',NULL,NULL,NULL,NULL,NULL,1,'["arxiv"]',NULL,NULL,NULL,NULL,1,'2026-12-03T08:00:00Z','2026-12-03T08:00:00Z',1);
INSERT INTO papers VALUES(4,'h:9fe616a0ba8b31c1',NULL,NULL,'h:9fe616a0ba8b31c1','MiniMax Sparse Attention','Ultra-long-context capability is becoming indispensable for frontier LLMs: agentic workflows, repository-scale code reasoning, and persistent memory all require the model to jointly attend over hundreds of thousands to millions of tokens, yet the quadratic cost of softmax attention makes this untenable at deployment scale. We introduce MiniMax Sparse Attention (MSA), a blockwise sparse attention built upon Grouped Query Attention (GQA). A lightweight Index Branch scores key-value blocks and independently selects a Top-k subset for each GQA group, enabling group-specific sparse retrieval while maintaining efficient block-level execution; the Main Branch then performs exact block-sparse attention over only the selected blocks. Designed around a principle of simplicity and scalability, MSA is deliberately streamlined, making it straightforward to deploy efficiently across a broad range of GPUs. To translate sparsity into practical speedups, we co-design MSA with a GPU execution path that uses exp-free Top-k selection and KV-outer sparse attention to improve tensor-core utilization under block-granular access. On a 109B-parameter model with native multimodal training, MSA performs on par with GQA while reducing per-token attention compute by 28.4x at 1M context. Paired with our co-designed kernel, MSA achieves 14.2x prefill and 7.6x decoding wall-clock speedups on H800. Our inference kernel is available at: https://github.com/MiniMax-AI/MSA. A production-grade natively multimodal model powered by MSA has been publicly released at: https://huggingface.co/MiniMaxAI/MiniMax-M3.','["Xunhao Lai","Weiqi Xu","Yufeng Yang"]',0,NULL,'2026-06-10',NULL,NULL,NULL,NULL,126,0,'["paper"]',NULL,NULL,NULL,NULL,1,'2026-12-03T08:00:00Z','2026-12-03T08:00:00Z',1);
INSERT INTO papers VALUES(5,'h:bd2e685213392f0a',NULL,NULL,'h:bd2e685213392f0a','Demystify Mamba in Vision: A Linear Attention Perspective','Mamba is an effective state space model with linear computation complexity. It has recently shown impressive efficiency in dealing with high-resolution inputs across various vision tasks. In this paper, we reveal that the powerful Mamba model shares surprising similarities with linear attention Transformer, which typically underperform conventional Transformer in practice. By exploring the similarities and disparities between the effective Mamba and subpar linear attention Transformer, we provide comprehensive analyses to demystify the key factors behind Mamba''s success. Specifically, we reformulate the selective state space model and linear attention within a unified formulation, rephrasing Mamba as a variant of linear attention Transformer with six major distinctions: input gate, forget gate, shortcut, no attention normalization, single-head, and modified block design. For each design, we meticulously analyze its pros and cons, and empirically evaluate its impact on model performance in vision tasks. Interestingly, the results highlight the forget gate and block design as the core contributors to Mamba''s success, while the other four designs are less crucial. Based on these findings, we propose a Mamba-Inspired Linear Attention (MILA) model by incorporating the merits of these two key designs into linear attention. The resulting model outperforms various vision Mamba models in both image classification and high-resolution dense prediction tasks, while enjoying parallelizable computation and fast inference speed. Code is available at https://github.com/LeapLabTHU/MLLA.','["Dongchen Han","Ziyi Wang","Zhuofan Xia"]',0,NULL,NULL,NULL,'NeurIPS 2024',2024,237,NULL,0,'["paper"]',NULL,NULL,NULL,NULL,1,'2026-12-03T08:00:00Z','2026-12-03T08:00:00Z',1);
INSERT INTO papers VALUES(6,'h:342c8ff703f80cf2',NULL,NULL,'h:342c8ff703f80cf2','SparDA: Sparse Decoupled Attention for Efficient Long-Context LLM Inference','Sparse attention reduces compute and memory bandwidth for long-context LLM inference. However, two key challenges remain: (1) KV cache capacity still grows with sequence length, and offloading to CPU memory introduces a PCIe transfer bottleneck; (2) the sparse selection step itself retains O(T^2) complexity and can dominate attention cost at long contexts. We propose SparDA, a decoupled sparse attention architecture that introduces a fourth per-layer projection, the Forecast, alongside Query, Key, and Value. The Forecast predicts the KV blocks needed by the next layer, enabling lookahead selection that overlaps CPU-to-GPU prefetch with current-layer execution. Because Forecast is decoupled from the attention query, our GQA implementation uses one Forecast head per GQA group, reducing selection overhead versus the original multi-head selector. SparDA adds <0.5% parameters and trains only the Forecast projections by matching the original selector''s attention distribution. On two sparse-pretrained 8B models, SparDA matches or slightly improves accuracy and delivers up to 1.25times prefill speedup and 1.7times decode speedup over the sparse-attention offload baseline. By enabling larger feasible batch sizes on a single GPU, SparDA further reaches up to 5.3times higher decode throughput than the non-offload sparse baseline. Our source code is available at https://github.com/NVlabs/SparDA.','["Yaosheng Fu","Guangxuan Xiao","Xin Dong"]',0,NULL,'2026-06-02',NULL,NULL,NULL,NULL,2,0,'["paper"]',NULL,NULL,NULL,NULL,2,'2026-12-03T08:00:00Z','2026-12-03T08:00:00Z',2);
INSERT INTO papers VALUES(7,'h:58d60866510631e2',NULL,NULL,'h:58d60866510631e2','The Token Is a Group Element: On Lie-Algebra Attention over Matrix Lie Groups','We place the attention token on the group: a token is an element $g_i$ of a matrix Lie group $G$ -- a bare transformation, with no feature payload and no external action $ρ(g)$ carrying it. To our knowledge this is the first attention construction whose tokens are bare matrix Lie group elements: their score is the closed-form algebra norm of the relative pose rather than a learned kernel, and it reaches the affine full-frame groups that every irrep- or surjective-exp-based method must exclude. We call it Lie-Algebra Attention. Once tokens are group elements, the rest follows with none of the usual representation-theoretic machinery. The relative geometry of a pair is canonical, $g_i^{-1} g_j$, so the pairwise invariant $w_{ij} = \log(g_i^{-1} g_j)$ is intrinsic rather than designed; equivariance under the diagonal $G$-action is tautological, and the cocycle condition holds automatically. The attention score is the negative squared algebra norm, $s_{ij} = -\|\log(g_i^{-1} g_j)\|_λ^2/τ$: the canonical proximity kernel under a block-weighted Frobenius inner product, with no irreducible representations, spherical harmonics, Clebsch-Gordan products, or learned kernel. The construction applies to any matrix Lie group on a chosen logarithm chart containing the relative poses, including the non-compact non-abelian affine groups with scale and shear that no vector-token attention method reaches: neither the irrep tradition nor surjective-exp methods. Three sequence-completion experiments, on SE(2), SO(3), and Aff(2), bear this out: the closed-form score matches a learned MLP kernel on the same invariant and outperforms it on SE(2), using 50 to 80x fewer score parameters, while a vector-token baseline breaks invariance by five to twelve orders of magnitude.','["Przemyslaw Musialski"]',1,'["cs.LG","cs.CV"]','2026-06-18',NULL,NULL,NULL,NULL,NULL,1,'["arxiv"]',NULL,NULL,NULL,NULL,2,'2026-12-03T08:00:00Z','2026-12-03T08:00:00Z',2);
CREATE TABLE sightings (
  id      INTEGER PRIMARY KEY,
  source  TEXT NOT NULL,
  origin  TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
INSERT INTO sightings VALUES(1,'paperdeck-jsonl','/tmp/wr7/a.jsonl','2026-12-03T08:00:00Z');
INSERT INTO sightings VALUES(2,'paperdeck-jsonl','/tmp/wr7/b.jsonl','2026-12-03T08:00:00Z');
CREATE TABLE provenance (
  id        INTEGER PRIMARY KEY,
  paper_key INTEGER NOT NULL REFERENCES papers(key) ON DELETE CASCADE,
  sighting  INTEGER NOT NULL REFERENCES sightings(id),
  field     TEXT    NOT NULL,
  value     TEXT    NOT NULL
);
INSERT INTO provenance VALUES(1,1,1,'title','Chiaroscuro Attention: Spending Compute in the Dark');
INSERT INTO provenance VALUES(2,1,1,'abstract','Standard transformers apply self-attenti… [1290 bytes, fnv1a64 d04a4c7d93f1dfd2]');
INSERT INTO provenance VALUES(3,1,1,'authors','["Prateek Kumar Sikdar"]');
INSERT INTO provenance VALUES(4,1,1,'authors_complete','true');
INSERT INTO provenance VALUES(5,1,1,'published','2026-06-05');
INSERT INTO provenance VALUES(6,1,1,'upvotes','1');
INSERT INTO provenance VALUES(7,1,1,'badges','["paper"]');
INSERT INTO provenance VALUES(8,2,1,'title','Rethinking the Role of Efficient Attention in Hybrid Architectures');
INSERT INTO provenance VALUES(9,2,1,'abstract','Modern language models increasingly adop… [1246 bytes, fnv1a64 84fa9147aa6efd61]');
INSERT INTO provenance VALUES(10,2,1,'authors','["Ziqing Qiao","Yinuo Xu","Chaojun Xiao"]');
INSERT INTO provenance VALUES(11,2,1,'authors_complete','false');
INSERT INTO provenance VALUES(12,2,1,'published','2026-06-12');
INSERT INTO provenance VALUES(13,2,1,'upvotes','3');
INSERT INTO provenance VALUES(14,2,1,'badges','["paper"]');
INSERT INTO provenance VALUES(15,3,1,'title','Vortex: Efficient and Programmable Sparse Attention Serving for AI Agents');
INSERT INTO provenance VALUES(16,3,1,'abstract','Sparse attention is becoming increasingl… [1378 bytes, fnv1a64 1f11504b8660c4e6]');
INSERT INTO provenance VALUES(17,3,1,'authors','["Zhuoming Chen","Xinrui Zhong","Qilong Feng"]');
INSERT INTO provenance VALUES(18,3,1,'authors_complete','false');
INSERT INTO provenance VALUES(19,3,1,'categories','["cs.AI"]');
INSERT INTO provenance VALUES(20,3,1,'published','2026-06-04');
INSERT INTO provenance VALUES(21,3,1,'is_new','true');
INSERT INTO provenance VALUES(22,3,1,'badges','["arxiv"]');
INSERT INTO provenance VALUES(23,4,1,'title','MiniMax Sparse Attention');
INSERT INTO provenance VALUES(24,4,1,'abstract','Ultra-long-context capability is becomin… [1597 bytes, fnv1a64 a28bd697bc7e6485]');
INSERT INTO provenance VALUES(25,4,1,'authors','["Xunhao Lai","Weiqi Xu","Yufeng Yang"]');
INSERT INTO provenance VALUES(26,4,1,'authors_complete','false');
INSERT INTO provenance VALUES(27,4,1,'published','2026-06-10');
INSERT INTO provenance VALUES(28,4,1,'upvotes','126');
INSERT INTO provenance VALUES(29,4,1,'badges','["paper"]');
INSERT INTO provenance VALUES(30,5,1,'title','Demystify Mamba in Vision: A Linear Attention Perspective');
INSERT INTO provenance VALUES(31,5,1,'abstract','Mamba is an effective state space model … [1596 bytes, fnv1a64 231a881cd069a2d7]');
INSERT INTO provenance VALUES(32,5,1,'authors','["Dongchen Han","Ziyi Wang","Zhuofan Xia"]');
INSERT INTO provenance VALUES(33,5,1,'authors_complete','false');
INSERT INTO provenance VALUES(34,5,1,'venue','NeurIPS 2024');
INSERT INTO provenance VALUES(35,5,1,'year','2024');
INSERT INTO provenance VALUES(36,5,1,'citations','237');
INSERT INTO provenance VALUES(37,5,1,'badges','["paper"]');
INSERT INTO provenance VALUES(38,6,2,'title','SparDA: Sparse Decoupled Attention for Efficient Long-Context LLM Inference');
INSERT INTO provenance VALUES(39,6,2,'abstract','Sparse attention reduces compute and mem… [1406 bytes, fnv1a64 11b4aded9a789099]');
INSERT INTO provenance VALUES(40,6,2,'authors','["Yaosheng Fu","Guangxuan Xiao","Xin Dong"]');
INSERT INTO provenance VALUES(41,6,2,'authors_complete','false');
INSERT INTO provenance VALUES(42,6,2,'published','2026-06-02');
INSERT INTO provenance VALUES(43,6,2,'upvotes','2');
INSERT INTO provenance VALUES(44,6,2,'badges','["paper"]');
INSERT INTO provenance VALUES(45,7,2,'title','The Token Is a Group Element: On Lie-Algebra Attention over Matrix Lie Groups');
INSERT INTO provenance VALUES(46,7,2,'abstract','We place the attention token on the grou… [1780 bytes, fnv1a64 bbc82afe4584782c]');
INSERT INTO provenance VALUES(47,7,2,'authors','["Przemyslaw Musialski"]');
INSERT INTO provenance VALUES(48,7,2,'authors_complete','true');
INSERT INTO provenance VALUES(49,7,2,'categories','["cs.LG","cs.CV"]');
INSERT INTO provenance VALUES(50,7,2,'published','2026-06-18');
INSERT INTO provenance VALUES(51,7,2,'is_new','true');
INSERT INTO provenance VALUES(52,7,2,'badges','["arxiv"]');
CREATE TABLE removed (
  key      INTEGER PRIMARY KEY,
  id       TEXT    NOT NULL,
  revision INTEGER NOT NULL
);
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  file        TEXT    NOT NULL,
  format      TEXT    NOT NULL,
  added       INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  errors      INTEGER NOT NULL,
  seconds     REAL    NOT NULL,
  finished_at TEXT    NOT NULL
);
INSERT INTO imports VALUES(1,'/tmp/wr7/a.jsonl','paperdeck-jsonl',5,0,0,0.025303448999999998692,'2026-12-03T08:00:00Z');
INSERT INTO imports VALUES(2,'/tmp/wr7/b.jsonl','paperdeck-jsonl',2,0,0,0.029265108000000001481,'2026-12-03T08:00:00Z');
CREATE TABLE pulls (
  id           INTEGER PRIMARY KEY,
  source       TEXT    NOT NULL,
  query        TEXT    NOT NULL,
  remote_query TEXT    NOT NULL,
  started_at   TEXT    NOT NULL,
  fetched      INTEGER NOT NULL,
  added        INTEGER NOT NULL,
  updated      INTEGER NOT NULL,
  errors       INTEGER NOT NULL,
  message      TEXT    NOT NULL,
  seconds      REAL    NOT NULL
);
CREATE TABLE fetch_marks (
  paper_key  INTEGER NOT NULL REFERENCES papers(key) ON DELETE CASCADE,
  source     TEXT    NOT NULL,
  fetched_at TEXT    NOT NULL,
  PRIMARY KEY (paper_key, source)
) WITHOUT ROWID;
CREATE TABLE library_papers (
  paper_key  INTEGER PRIMARY KEY REFERENCES papers(key),
  entered_at TEXT    NOT NULL
);
INSERT INTO library_papers VALUES(1,'2026-12-03T08:00:00Z');
INSERT INTO library_papers VALUES(5,'2026-12-03T08:00:00Z');
CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  folded     TEXT    NOT NULL UNIQUE,
  created_at TEXT    NOT NULL
);
INSERT INTO tags VALUES(1,'thesis/related-work','thesis/related-work','2026-12-03T08:00:00Z');
INSERT INTO tags VALUES(2,'Reading-Group','reading-group','2026-12-03T08:00:00Z');
INSERT INTO tags VALUES(3,'thesis','thesis','2026-12-03T08:00:00Z');
CREATE TABLE paper_tags (
  paper_key INTEGER NOT NULL REFERENCES papers(key),
  tag       INTEGER NOT NULL REFERENCES tags(id),
  tagged_at TEXT    NOT NULL,
  PRIMARY KEY (paper_key, tag)
) WITHOUT ROWID;
INSERT INTO paper_tags VALUES(1,3,'2026-12-03T08:00:00Z');
INSERT INTO paper_tags VALUES(5,1,'2026-12-03T08:00:00Z');
INSERT INTO paper_tags VALUES(5,2,'2026-12-03T08:00:00Z');
CREATE TABLE reading_states (
  id        INTEGER PRIMARY KEY,
  paper_key INTEGER NOT NULL UNIQUE REFERENCES papers(key),
  state     TEXT    NOT NULL CHECK (state IN ('to-read', 'reading', 'read')),
  set_at    TEXT    NOT NULL
);
INSERT INTO reading_states VALUES(1,5,'reading','2026-12-03T08:00:00Z');
CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  paper_key  INTEGER NOT NULL REFERENCES papers(key),
  text       TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  edited_at  TEXT    NOT NULL
);
INSERT INTO notes VALUES(1,5,'a note from schema seven','2026-12-03T08:00:00Z','2026-12-03T08:00:00Z');
CREATE TABLE citation_keys (
  paper_key    INTEGER PRIMARY KEY REFERENCES papers(key),
  citation_key TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  pinned_at    TEXT    NOT NULL,
  how          TEXT    NOT NULL
);
INSERT INTO citation_keys VALUES(1,'sikdar2026chiaroscuro','2026-12-03T08:00:00Z','generated');
INSERT INTO citation_keys VALUES(5,'han2024demystify','2026-12-03T08:00:00Z','generated');
CREATE TABLE saved_searches (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  query         TEXT    NOT NULL,
  pull          INTEGER NOT NULL DEFAULT 1 CHECK (pull IN (0, 1)),
  created_at    TEXT    NOT NULL,
  seen_revision INTEGER,
  looked_at     TEXT,
  synced_at     TEXT
);
INSERT INTO saved_searches VALUES(1,'thesis-watch','tag:thesis',0,'2026-12-03T08:00:00Z',NULL,NULL,NULL);
INSERT INTO saved_searches VALUES(2,'mamba','title:mamba',1,'2026-12-03T08:00:00Z',1,'2026-12-03T08:00:00Z',NULL);
CREATE TABLE source_usage (
  day          TEXT    NOT NULL,
  source       TEXT    NOT NULL,
  requests     INTEGER NOT NULL DEFAULT 0,
  bytes        INTEGER NOT NULL DEFAULT 0,
  wait_ms      INTEGER NOT NULL DEFAULT 0,
  errors       INTEGER NOT NULL DEFAULT 0,
  next_allowed TEXT,
  PRIMARY KEY (day, source)
) WITHOUT ROWID;
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('papers',7);
CREATE INDEX papers_arxiv_id  ON papers(arxiv_id) WHERE arxiv_id IS NOT NULL;
CREATE INDEX papers_doi       ON papers(doi) WHERE doi IS NOT NULL;
CREATE INDEX papers_title_key ON papers(title_key);
CREATE INDEX papers_revision  ON papers(revision);
CREATE INDEX provenance_paper ON provenance(paper_key);
CREATE INDEX removed_revision ON removed(revision);
CREATE INDEX paper_tags_tag ON paper_tags(tag);
CREATE INDEX reading_states_state ON reading_states(state, set_at);
CREATE INDEX notes_paper ON notes(paper_key);
CREATE TRIGGER library_papers_insert AFTER INSERT ON library_papers BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER library_papers_update AFTER UPDATE ON library_papers BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER library_papers_delete AFTER DELETE ON library_papers BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER tags_insert AFTER INSERT ON tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER tags_update AFTER UPDATE ON tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER tags_delete AFTER DELETE ON tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER paper_tags_insert AFTER INSERT ON paper_tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER paper_tags_update AFTER UPDATE ON paper_tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER paper_tags_delete AFTER DELETE ON paper_tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER reading_states_insert AFTER INSERT ON reading_states BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER reading_states_update AFTER UPDATE ON reading_states BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER reading_states_delete AFTER DELETE ON reading_states BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER notes_insert AFTER INSERT ON notes BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER notes_update AFTER UPDATE ON notes BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER notes_delete AFTER DELETE ON notes BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE INDEX papers_entered_revision ON papers(entered_revision);
CREATE INDEX papers_added_at ON papers(added_at);
COMMIT;
