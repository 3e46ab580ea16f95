PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta VALUES('revision','2');
INSERT INTO meta VALUES('schema_version','4');
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
);
INSERT INTO papers VALUES(1,'h:0d8ba070e5fc86fd',NULL,NULL,'h:0d8ba070e5fc86fd','Chiaroscuro Attention: Spending Compute in the Dark','Standard transformers apply self-attention uniformly at every layer and token, regardless of whether the input requires dynamic cross-token interaction. We propose CHIAR-Former (Chiaroscuro Attention), a 4-layer hybrid transformer that routes each token to one of three operators - DCT spectral mixing, RBF kernel mixing, or full self-attention - based on per-token spectral entropy, a theoretically justified complexity signal. Through systematic ablation on WikiText-103, we discover routing collapse: the router consistently rejects RBF in favour of DCT and attention, revealing that spectral mixing and dynamic attention are complementary and sufficient. A purpose-designed DCT+Attention-only variant achieves Val PPL 36.54 on WikiText-103 - a 45% improvement over a full-attention baseline (PPL 66.62) at 62.5% fewer attention FLOPs. We extend evaluation to WikiText-2, IMDB sentiment classification, and synthetic ListOps operations, establishing a clear operating regime: CHIAR-Former excels on large-scale naturalistic text where token diversity supports spectral specialisation, while full attention retains an edge on small datasets and synthetic pattern-matching tasks. These findings - both the wins and the losses - together define when and why spectral routing earns its keep.','["Prateek Kumar Sikdar"]',1,NULL,'2026-06-05',NULL,NULL,NULL,NULL,1,0,'["paper"]',NULL,NULL,NULL,NULL,1,'2026-12-02T10:12:08Z','2026-12-02T10:12:08Z');
INSERT INTO papers VALUES(2,'h:68a2ea54397ff7c5',NULL,NULL,'h:68a2ea54397ff7c5','Rethinking the Role of Efficient Attention in Hybrid Architectures','Modern language models increasingly adopt hybrid architectures that combine full attention with efficient attention modules, such as sliding-window attention (SWA) and recurrent sequence mixers. However, how these efficient modules shape model capabilities remains poorly understood. To address this gap, we conduct a systematic analysis across hybrid architectures from three perspectives: scaling behavior, mechanism analysis, and architecture design. First, from a scaling perspective, we find that efficient-attention design primarily affects how fast long-context capability emerges, while different hybrids eventually converge to comparable long-context performance under sufficient training. Second, mechanistically, we show that long-range retrieval is mainly carried by full attention, whereas efficient attention shapes its optimization trajectory. This explains a counter-intuitive phenomenon we call Large-Window Laziness: larger SWA windows can delay the formation of retrieval heads in full-attention layers. Third, guided by this mechanism, we show that applying NoPE to only the full-attention layers of a small-window SWA hybrid substantially improves long-context performance with negligible impact on short-context performance.','["Ziqing Qiao","Yinuo Xu","Chaojun Xiao"]',0,NULL,'2026-06-12',NULL,NULL,NULL,NULL,3,0,'["paper"]',NULL,NULL,NULL,NULL,1,'2026-12-02T10:12:08Z','2026-12-02T10:12:08Z');
INSERT INTO papers VALUES(3,'h:97869efcbc39f0ea',NULL,NULL,'h:97869efcbc39f0ea','Vortex: Efficient and Programmable Sparse Attention Serving for AI Agents','Sparse attention is becoming increasingly important for serving large language models (LLMs) as generation lengths continue to grow. However, deploying and evaluating new sparse attention algorithms at scale remains highly engineering-intensive, slowing both human researchers and AI agents in exploring the sparse attention design. To address this challenge, we present Vortex, a system that combines a Python-embedded frontend language atop a page-centric tensor abstraction for expressing a broad range of sparse attention algorithms, with an efficient backend tightly integrated into modern LLM serving stacks. Vortex enables rapid prototyping, deployment, and evaluation of sparse attention algorithms, effectively translating their theoretical efficiency gains into real-world throughput improvements. As a result, Vortex substantially accelerates the design and iteration of sparse attention algorithms. First, AI agents use Vortex to automatically generate and refine diverse algorithms, the best reaching up to $3.46\times$ higher throughput than full attention while preserving accuracy. Second, Vortex extends sparse attention to emerging architectures and very large models that are otherwise hard to experiment with, reaching up to $4.7\times$ higher throughput on the MLA-based GLM-4.7-Flash and $1.37\times$ on the 229B-parameter MiniMax-M2.7 on NVIDIA B200 GPUs.','["Zhuoming Chen","Xinrui Zhong","Qilong Feng"]',0,'["cs.AI"]','2026-06-04',NULL,NULL,NULL,NULL,NULL,1,'["arxiv"]',NULL,NULL,NULL,NULL,1,'2026-12-02T10:12:08Z','2026-12-02T10:12:08Z');
INSERT INTO papers VALUES(4,'h:9fe616a0ba8b31c1',NULL,NULL,'h:9fe616a0ba8b31c1','MiniMax Sparse Attention','Ultra-long-context capability is becoming indispensable for frontier LLMs: agentic workflows, repository-scale code reasoning, and persistent memory all require the model to jointly attend over hundreds of thousands to millions of tokens, yet the quadratic cost of softmax attention makes this untenable at deployment scale. We introduce MiniMax Sparse Attention (MSA), a blockwise sparse attention built upon Grouped Query Attention (GQA). A lightweight Index Branch scores key-value blocks and independently selects a Top-k subset for each GQA group, enabling group-specific sparse retrieval while maintaining efficient block-level execution; the Main Branch then performs exact block-sparse attention over only the selected blocks. Designed around a principle of simplicity and scalability, MSA is deliberately streamlined, making it straightforward to deploy efficiently across a broad range of GPUs. To translate sparsity into practical speedups, we co-design MSA with a GPU execution path that uses exp-free Top-k selection and KV-outer sparse attention to improve tensor-core utilization under block-granular access. On a 109B-parameter model with native multimodal training, MSA performs on par with GQA while reducing per-token attention compute by 28.4x at 1M context. Paired with our co-designed kernel, MSA achieves 14.2x prefill and 7.6x decoding wall-clock speedups on H800. Our inference kernel is available at: https://github.com/MiniMax-AI/MSA. A production-grade natively multimodal model powered by MSA has been publicly released at: https://huggingface.co/MiniMaxAI/MiniMax-M3.','["Xunhao Lai","Weiqi Xu","Yufeng Yang"]',0,NULL,'2026-06-10',NULL,NULL,NULL,NULL,126,0,'["paper"]',NULL,NULL,NULL,NULL,1,'2026-12-02T10:12:08Z','2026-12-02T10:12:08Z');
INSERT INTO papers VALUES(5,'h:bd2e685213392f0a',NULL,NULL,'h:bd2e685213392f0a','Demystify Mamba in Vision: A Linear Attention Perspective','Mamba is an effective state space model with linear computation complexity. It has recently shown impressive efficiency in dealing with high-resolution inputs across various vision tasks. In this paper, we reveal that the powerful Mamba model shares surprising similarities with linear attention Transformer, which typically underperform conventional Transformer in practice. By exploring the similarities and disparities between the effective Mamba and subpar linear attention Transformer, we provide comprehensive analyses to demystify the key factors behind Mamba''s success. Specifically, we reformulate the selective state space model and linear attention within a unified formulation, rephrasing Mamba as a variant of linear attention Transformer with six major distinctions: input gate, forget gate, shortcut, no attention normalization, single-head, and modified block design. For each design, we meticulously analyze its pros and cons, and empirically evaluate its impact on model performance in vision tasks. Interestingly, the results highlight the forget gate and block design as the core contributors to Mamba''s success, while the other four designs are less crucial. Based on these findings, we propose a Mamba-Inspired Linear Attention (MILA) model by incorporating the merits of these two key designs into linear attention. The resulting model outperforms various vision Mamba models in both image classification and high-resolution dense prediction tasks, while enjoying parallelizable computation and fast inference speed. Code is available at https://github.com/LeapLabTHU/MLLA.','["Dongchen Han","Ziyi Wang","Zhuofan Xia"]',0,NULL,NULL,NULL,'NeurIPS 2024',2024,237,NULL,0,'["paper"]',NULL,NULL,NULL,NULL,1,'2026-12-02T10:12:08Z','2026-12-02T10:12:08Z');
INSERT INTO papers VALUES(6,'2503.11731','2503.11731',NULL,'h:f48b7f01c5ff8622','Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation','Sensor simulation is pivotal for scalable validation of autonomous driving systems, yet existing Neural Radiance Fields (NeRF) based methods face applicability and efficiency challenges in industrial workflows. This paper introduces a Gaussian Splatting (GS) based system to address these challenges: We first break down sensor simulator components and analyze the possible advantages of GS over NeRF. Then in practice, we refactor three crucial components through GS, to leverage its explicit scene representation and real-time rendering: (1) choosing the 2D neural Gaussian representation for physics-compliant scene and sensor modeling, (2) proposing a scene editing pipeline to leverage Gaussian primitives library for data augmentation, and (3) coupling a controllable diffusion model for scene expansion and harmonization. We implement this framework on a proprietary autonomous driving dataset supporting cameras and LiDAR sensors. We demonstrate through ablation studies that our approach reduces frame-wise simulation latency, achieves better geometric and photometric consistency, and enables interpretable explicit scene editing and expansion. Furthermore, we showcase how integrating such a GS-based sensor simulator with traffic and dynamic simulators enables full-stack testing of end-to-end autonomy algorithms. Our work provides both algorithmic insights and practical validation, establishing GS as a cornerstone for industrial-grade sensor simulation.','["Xianming Zeng","Sicong Du","Qifeng Chen","Lizhe Liu","Haoyu Shu","Jiaxuan Gao","Jiarun Liu","Jiulong Xu","Jianyun Xu","Mingxia Chen","Yiru Zhao","Peng Chen","Yapeng Xue","Chunming Zhao","Sheng Yang","Qiang Li"]',1,'["cs.CV","cs.RO"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11731"]',NULL,NULL,NULL,2,'2026-12-02T10:12:08Z','2026-12-02T10:12:08Z');
INSERT INTO papers VALUES(7,'2503.11742','2503.11742',NULL,'h:259cbeba90ce22e2','Safe Vision-Language Models via Unsafe Weights Manipulation','Vision-language models (VLMs) often inherit the biases and unsafe associations present within their large-scale training dataset. While recent approaches mitigate unsafe behaviors, their evaluation focuses on how safe the model is on unsafe inputs, ignoring potential shortcomings on safe ones. In this paper, we first revise safety evaluation by introducing SafeGround, a new set of metrics that evaluate safety at different levels of granularity. With this metric, we uncover a surprising issue of training-based methods: they make the model less safe on safe inputs. From this finding, we take a different direction and explore whether it is possible to make a model safer without training, introducing Unsafe Weights Manipulation (UWM). UWM uses a calibration set of safe and unsafe instances to compare activations between safe and unsafe content, identifying the most important parameters for processing the latter. Their values are then manipulated via negation. Experiments show that UWM achieves the best tradeoff between safety and knowledge preservation, consistently improving VLMs on unsafe queries while outperforming even training-based state-of-the-art methods on safe ones.','["Moreno D''Incà","Elia Peruzzo","Xingqian Xu","Humphrey Shi","Nicu Sebe","Massimiliano Mancini"]',1,'["cs.CV","cs.AI"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11742"]',NULL,NULL,NULL,2,'2026-12-02T10:12:08Z','2026-12-02T10:12:08Z');
INSERT INTO papers VALUES(8,'2503.11750','2503.11750',NULL,'h:a569499ac723438a','Making Every Step Effective: Jailbreaking Large Vision-Language Models Through Hierarchical KV Equalization','In the realm of large vision-language models (LVLMs), adversarial jailbreak attacks serve as a red-teaming approach to identify safety vulnerabilities of these models and their associated defense mechanisms. However, we identify a critical limitation: not every adversarial optimization step leads to a positive outcome, and indiscriminately accepting optimization results at each step may reduce the overall attack success rate. To address this challenge, we introduce HKVE (Hierarchical Key-Value Equalization), an innovative jailbreaking framework that selectively accepts gradient optimization results based on the distribution of attention scores across different layers, ensuring that every optimization step positively contributes to the attack. Extensive experiments demonstrate HKVE''s significant effectiveness, achieving attack success rates of 75.08% on MiniGPT4, 85.84% on LLaVA and 81.00% on Qwen-VL, substantially outperforming existing methods by margins of 20.43\%, 21.01\% and 26.43\% respectively. Furthermore, making every step effective not only leads to an increase in attack success rate but also allows for a reduction in the number of iterations, thereby lowering computational costs. Warning: This paper contains potentially harmful example data.','["Shuyang Hao","Yiwei Wang","Bryan Hooi","Jun Liu","Muhao Chen","Zi Huang","Yujun Cai"]',1,'["cs.CV","cs.CR"]','2025-03-18',NULL,NULL,NULL,NULL,NULL,0,'["arxiv"]','["https://arxiv.org/abs/2503.11750"]',NULL,NULL,NULL,2,'2026-12-02T10:12:08Z','2026-12-02T10:12:08Z');
CREATE TABLE sightings (
  id      INTEGER PRIMARY KEY,
  source  TEXT NOT NULL,
  origin  TEXT NOT NULL,
  seen_at TEXT NOT NULL
);
INSERT INTO sightings VALUES(1,'paperdeck-jsonl','/tmp/b-seed5.jsonl','2026-12-02T10:12:08Z');
INSERT INTO sightings VALUES(2,'arxiv-jsonl','/tmp/b-arxiv3.jsonl','2026-12-02T10:12:08Z');
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
INSERT INTO provenance VALUES(38,6,2,'arxiv_id','2503.11731');
INSERT INTO provenance VALUES(39,6,2,'title','Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation');
INSERT INTO provenance VALUES(40,6,2,'abstract','Sensor simulation is pivotal for scalabl… [1469 bytes, fnv1a64 52ddfeee01ed4fb0]');
INSERT INTO provenance VALUES(41,6,2,'authors','["Xianming Zeng","Sicong Du","Qifeng Chen","Lizhe Liu","Haoyu Shu","Jiaxuan Gao","Jiarun Liu","Jiulong Xu","Jianyun Xu","Mingxia Chen","Yiru Zhao","Peng Chen","Yapeng Xue","Chunming Zhao","Sheng Yang","Qiang Li"]');
INSERT INTO provenance VALUES(42,6,2,'authors_complete','true');
INSERT INTO provenance VALUES(43,6,2,'categories','["cs.CV","cs.RO"]');
INSERT INTO provenance VALUES(44,6,2,'published','2025-03-18');
INSERT INTO provenance VALUES(45,6,2,'badges','["arxiv"]');
INSERT INTO provenance VALUES(46,6,2,'links','["https://arxiv.org/abs/2503.11731"]');
INSERT INTO provenance VALUES(47,7,2,'arxiv_id','2503.11742');
INSERT INTO provenance VALUES(48,7,2,'title','Safe Vision-Language Models via Unsafe Weights Manipulation');
INSERT INTO provenance VALUES(49,7,2,'abstract','Vision-language models (VLMs) often inhe… [1190 bytes, fnv1a64 64113fe07fc931fe]');
INSERT INTO provenance VALUES(50,7,2,'authors','["Moreno D''Incà","Elia Peruzzo","Xingqian Xu","Humphrey Shi","Nicu Sebe","Massimiliano Mancini"]');
INSERT INTO provenance VALUES(51,7,2,'authors_complete','true');
INSERT INTO provenance VALUES(52,7,2,'categories','["cs.CV","cs.AI"]');
INSERT INTO provenance VALUES(53,7,2,'published','2025-03-18');
INSERT INTO provenance VALUES(54,7,2,'badges','["arxiv"]');
INSERT INTO provenance VALUES(55,7,2,'links','["https://arxiv.org/abs/2503.11742"]');
INSERT INTO provenance VALUES(56,8,2,'arxiv_id','2503.11750');
INSERT INTO provenance VALUES(57,8,2,'title','Making Every Step Effective: Jailbreaking Large Vision-Language Models Through Hierarchical KV Equalization');
INSERT INTO provenance VALUES(58,8,2,'abstract','In the realm of large vision-language mo… [1271 bytes, fnv1a64 40c055c7283a0cf5]');
INSERT INTO provenance VALUES(59,8,2,'authors','["Shuyang Hao","Yiwei Wang","Bryan Hooi","Jun Liu","Muhao Chen","Zi Huang","Yujun Cai"]');
INSERT INTO provenance VALUES(60,8,2,'authors_complete','true');
INSERT INTO provenance VALUES(61,8,2,'categories','["cs.CV","cs.CR"]');
INSERT INTO provenance VALUES(62,8,2,'published','2025-03-18');
INSERT INTO provenance VALUES(63,8,2,'badges','["arxiv"]');
INSERT INTO provenance VALUES(64,8,2,'links','["https://arxiv.org/abs/2503.11750"]');
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
INSERT INTO imports VALUES(1,'/tmp/b-seed5.jsonl','paperdeck-jsonl',5,0,0,0.0051666189999999998991,'2026-12-02T10:12:08Z');
INSERT INTO imports VALUES(2,'/tmp/b-arxiv3.jsonl','arxiv-jsonl',3,0,0,0.0032196579999999998082,'2026-12-02T10:12:08Z');
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
INSERT INTO library_papers VALUES(5,'2026-12-02T10:12:12Z');
INSERT INTO library_papers VALUES(6,'2026-12-02T10:12:12Z');
INSERT INTO library_papers VALUES(8,'2026-12-02T10:12:12Z');
CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  folded     TEXT    NOT NULL UNIQUE,
  created_at TEXT    NOT NULL
);
INSERT INTO tags VALUES(1,'thesis','thesis','2026-12-02T10:12:12Z');
INSERT INTO tags VALUES(2,'Thesis/related-work','thesis/related-work','2026-12-02T10:12:12Z');
INSERT INTO tags VALUES(3,'Straße','strasse','2026-12-02T10:12:12Z');
CREATE TABLE paper_tags (
  paper_key INTEGER NOT NULL REFERENCES papers(key),
  tag       INTEGER NOT NULL REFERENCES tags(id),
  tagged_at TEXT    NOT NULL,
  PRIMARY KEY (paper_key, tag)
) WITHOUT ROWID;
INSERT INTO paper_tags VALUES(5,1,'2026-12-02T10:12:12Z');
INSERT INTO paper_tags VALUES(5,2,'2026-12-02T10:12:12Z');
INSERT INTO paper_tags VALUES(6,1,'2026-12-02T10:12:12Z');
INSERT INTO paper_tags VALUES(6,2,'2026-12-02T10:12:12Z');
INSERT INTO paper_tags VALUES(6,3,'2026-12-02T10:12:12Z');
CREATE TABLE reading_states (
  id        INTEGER PRIMARY KEY,
  paper_key INTEGER NOT NULL UNIQUE REFERENCES papers(key),
  state     TEXT    NOT NULL CHECK (state IN ('to-read', 'reading', 'read')),
  set_at    TEXT    NOT NULL
);
INSERT INTO reading_states VALUES(1,5,'read','2026-12-02T10:12:12Z');
INSERT INTO reading_states VALUES(2,8,'to-read','2026-12-02T10:12:12Z');
CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  paper_key  INTEGER NOT NULL REFERENCES papers(key),
  text       TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  edited_at  TEXT    NOT NULL
);
INSERT INTO notes VALUES(1,5,replace('# Mamba\n\nlinear *attention*, see §3','\n',char(10)),'2026-12-02T10:12:12Z','2026-12-02T10:12:12Z');
INSERT INTO notes VALUES(2,5,'second note','2026-12-02T10:12:12Z','2026-12-02T10:12:12Z');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('papers',8);
CREATE INDEX papers_arxiv_id  ON papers(arxiv_id) WHERE arxiv_id IS NOT NULL;
CREATE INDEX papers_doi       ON papers(doi) WHERE doi IS NOT NULL;
CREATE INDEX papers_title_key ON papers(title_key);
CREATE INDEX papers_revision  ON papers(revision);
CREATE INDEX provenance_paper ON provenance(paper_key);
CREATE INDEX removed_revision ON removed(revision);
CREATE INDEX paper_tags_tag ON paper_tags(tag);
CREATE INDEX reading_states_state ON reading_states(state, set_at);
CREATE INDEX notes_paper ON notes(paper_key);
COMMIT;
