<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AnalogyView</name>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="261" />
            <source>Fill in all three words: a is to b as c is to ?</source>
            <translation>请填写全部三个词：a 之于 b 如同 c 之于 ?</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="280" />
            <source>Analogy</source>
            <translation>类比</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="282" />
            <source>b: a's partner</source>
            <translation>b：与 a 配对的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="283" />
            <source>c: the word whose partner is asked for</source>
            <translation>c：要求出其配对词的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="289" />
            <source>3CosAdd: cos(x, b − a + c) (Mikolov et al.); 3CosMul: cos(x,b)·cos(x,c)/cos(x,a) (Levy &amp; Goldberg)</source>
            <translation>3CosAdd：cos(x, b − a + c)（Mikolov 等）；3CosMul：cos(x,b)·cos(x,c)/cos(x,a)（Levy &amp; Goldberg）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="292" />
            <source>How many answers to list</source>
            <translation>列出多少个答案</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="294" />
            <source>Solve</source>
            <translation>求解</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="295" />
            <source>Solve the analogy (Enter)</source>
            <translation>求解类比（Enter）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="298" />
            <source>is to</source>
            <translation>之于</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="299" />
            <source>as</source>
            <translation>如同</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="303" />
            <source>is to ?</source>
            <translation>之于 ?</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="312" />
            <source>rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="312" />
            <source>word</source>
            <translation>词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="312" />
            <source>score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="319" />
            <source>The three words, the answers and the parallelogram a→b, c→answer in a 2D PCA fitted to these words only</source>
            <translation>三个词、各答案以及平行四边形 a→b、c→答案，画在只用这些词拟合的二维 PCA 中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="332" />
            <source>An analogy benchmark to run on the loaded vectors</source>
            <translation>在已加载的词向量上运行的类比基准测试</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="340" />
            <source>Consider only the most frequent words (0 = all)</source>
            <translation>只考虑最常见的词（0 = 全部）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="342" />
            <source>Run benchmark</source>
            <translation>运行基准测试</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="344" />
            <source>Analogy benchmark</source>
            <translation>类比基准测试</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="350" />
            <source>category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="350" />
            <source>questions</source>
            <translation>题数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="350" />
            <source>answered</source>
            <translation>已作答</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="350" />
            <source>correct</source>
            <translation>正确</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="351" />
            <source>accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="353" />
            <source>Click a category to browse its failures</source>
            <translation>点击一个类别，浏览其答错的题目</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="356" />
            <source>expected</source>
            <translation>期望答案</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="356" />
            <source>got</source>
            <translation>实际答案</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="358" />
            <source>Questions the model answered wrongly</source>
            <translation>模型答错的题目</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="360" />
            <source>Benchmark</source>
            <translation>基准测试</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="363" />
            <source>Most frequent words</source>
            <translation>最常见的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="400" />
            <source>{a} : {b} :: {c} : ?  The three input words are excluded from the answers, as in gensim and the benchmarks.</source>
            <translation>{a} : {b} :: {c} : ?  三个输入词不计入答案，与 gensim 和各基准测试的做法相同。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="453" />
            <source>total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="456" />
            <source>{correct:,} of {answered:,} answered correctly; {oov:,} questions had a word out of the vocabulary.</source>
            <translation>已作答的 {answered:,} 题中答对 {correct:,} 题；{oov:,} 题含有词表之外的词。</translation>
        </message>
    </context>
    <context>
        <name>AnatomyView</name>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="50" />
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="58" />
            <source>token</source>
            <extracomment>The five parts, their legend labels (English; shown through ``tr``) and colours (drawing order).
----------
Table columns (English; shown through ``tr``).</extracomment>
            <translation>词元</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="51" />
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="60" />
            <source>position</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="52" />
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="59" />
            <source>segment</source>
            <translation>片段</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="53" />
            <source>sum</source>
            <translation>和</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="54" />
            <source>output (after LayerNorm)</source>
            <translation>输出（LayerNorm 之后）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="61" />
            <source>|token|</source>
            <translation>|词元|</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="62" />
            <source>|position|</source>
            <translation>|位置|</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="63" />
            <source>|segment|</source>
            <translation>|片段|</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="64" />
            <source>|sum|</source>
            <translation>|和|</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="65" />
            <source>|output|</source>
            <translation>|输出|</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="78" />
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="165" />
            <source>Reading the embedding layer…</source>
            <translation>正在读取嵌入层…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="112" />
            <source>Input anatomy</source>
            <translation>输入剖析</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="115" />
            <source>Save the table (CSV) or the PCA picture (PNG)</source>
            <translation>保存表格（CSV）或 PCA 图（PNG）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="116" />
            <source>Table as CSV…</source>
            <translation>表格另存为 CSV…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="117" />
            <source>Picture as PNG…</source>
            <translation>图片另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="124" />
            <source>Euclidean norms of each part of the input embedding</source>
            <translation>输入嵌入各组成部分的欧几里得范数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="139" />
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="174" />
            <source>PCA of the five parts (shared axes)</source>
            <translation>五个部分的 PCA（共享坐标轴）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="203" />
            <source>PCA of the five parts: PC1 {pc1:.1f}%, PC2 {pc2:.1f}% of the variance</source>
            <translation>五个部分的 PCA：PC1 解释 {pc1:.1f}% 的方差，PC2 解释 {pc2:.1f}%</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="209" />
            <source>{n} tokens. Each input vector is token + position + segment, then LayerNorm (the output).</source>
            <translation>{n} 个词元。每个输入向量 = 词元 + 位置 + 片段，再经过 LayerNorm（即输出）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="212" />
            <source>{n} tokens. Each input vector is token + position + segment, then LayerNorm (the output). This model has no segment embeddings.</source>
            <translation>{n} 个词元。每个输入向量 = 词元 + 位置 + 片段，再经过 LayerNorm（即输出）。此模型没有片段嵌入。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="222" />
            <source>CSV (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="222" />
            <source>PNG (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="223" />
            <source>Export the input anatomy</source>
            <translation>导出输入剖析</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="230" />
            <source>Wrote {rows} rows to {path}.</source>
            <translation>已将 {rows} 行写入 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="241" />
            <location filename="../workbench/ui/widgets/anatomy_view.py" line="259" />
            <source>Run the input anatomy first: there is nothing to export.</source>
            <translation>请先运行输入剖析：没有可导出的内容。</translation>
        </message>
    </context>
    <context>
        <name>AntonymsView</name>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="576" />
            <source>Antonyms</source>
            <translation>反义词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="580" />
            <source>Pairs as a/b separated by commas</source>
            <translation>词对写成 a/b，用逗号分隔</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="581" />
            <source>A pair counts as neighbours when each is within the other's k nearest words</source>
            <translation>若两个词都在对方的 k 个最近的词之内，则这对词算作近邻</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="584" />
            <source>Check antonyms</source>
            <translation>检查反义词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="585" />
            <source>Rank each antonym among the other's neighbours</source>
            <translation>给出每个反义词在另一个词的近邻中的排名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="588" />
            <source>Pairs</source>
            <translation>词对</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="597" />
            <source>rank of b among a's neighbours</source>
            <translation>b 在 a 的近邻中的排名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="598" />
            <source>rank of a among b's neighbours</source>
            <translation>a 在 b 的近邻中的排名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="598" />
            <source>cosine</source>
            <translation>余弦</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="598" />
            <source>within k</source>
            <translation>在 k 之内</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="617" />
            <source>'{pair}' is not a pair: write pairs as hot/cold.</source>
            <translation>“{pair}”不是词对：请把词对写成 hot/cold 的形式。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="621" />
            <source>Type at least one pair such as hot/cold.</source>
            <translation>请至少输入一个词对，例如 hot/cold。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="640" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="640" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="645" />
            <source>missing: {words}</source>
            <translation>缺失：{words}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="656" />
            <source>{near} of {found} pairs found in the vocabulary are within each other's {k} nearest neighbours: distributional vectors place words used in the same contexts close together, and antonyms share contexts.</source>
            <translation>在词表中找到的 {found} 个词对中，有 {near} 个互在对方的 {k} 个最近邻之内：分布式词向量会把出现在相同上下文中的词放得很近，而反义词恰好共享上下文。</translation>
        </message>
    </context>
    <context>
        <name>AttentionRender</name>
        <message>
            <location filename="../workbench/ui/plots/attention_render.py" line="584" />
            <source>Cannot export the picture as {name}: use a .png or .svg file name.</source>
            <extracomment>Smallest heatmap cell (px) that gets token labels. Pixel size of label text. Longest label drawn (px); longer tokens are elided. Head view: height of one token row and width between the two token columns. Head view: at most this many lines are drawn (the heaviest ones).</extracomment>
            <translation>无法将图片导出为 {name}：请使用 .png 或 .svg 文件名。</translation>
        </message>
    </context>
    <context>
        <name>AttentionView</name>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="53" />
            <source>all pairs</source>
            <extracomment>(label, direction) for the pair filter (English; shown through ``tr``).</extracomment>
            <translation>所有词元对</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="54" />
            <source>A → B</source>
            <translation>A → B</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="55" />
            <source>B → A</source>
            <translation>B → A</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="56" />
            <source>within A</source>
            <translation>A 内部</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="57" />
            <source>within B</source>
            <translation>B 内部</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="91" />
            <location filename="../workbench/ui/widgets/attention_view.py" line="319" />
            <source>Computing attention…</source>
            <extracomment>Largest heatmap canvas side (px): the cell size is capped so the cached image stays small. Largest cell size (px) of the heatmap.</extracomment>
            <translation>正在计算注意力…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="96" />
            <source>Drawing…</source>
            <translation>正在绘制…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="208" />
            <source>Attention</source>
            <translation>注意力</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="227" />
            <source>The layer of the large picture (mean: averaged over layers)</source>
            <translation>大图显示的层（平均：对所有层取平均）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="230" />
            <source>The head of the large picture (mean: averaged over heads)</source>
            <translation>大图显示的注意力头（平均：对所有头取平均）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="232" />
            <source>Head view</source>
            <translation>头视图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="233" />
            <source>Show lines from each token (left) to the tokens it attends to (right) instead of a heatmap; click a token to see only its lines</source>
            <translation>用连线代替热力图，显示每个词元（左）到其关注的词元（右）的注意力；点击某个词元可只看它的连线</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="236" />
            <source>Hide [CLS]/[SEP]</source>
            <translation>隐藏 [CLS]/[SEP]</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="237" />
            <source>Leave out the special tokens, which often soak up most of the attention (rows are not renormalised)</source>
            <translation>略去特殊词元（它们常常吸走大部分注意力；各行不重新归一化）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="243" />
            <location filename="../workbench/ui/widgets/attention_view.py" line="425" />
            <source>For a sentence pair: which token pairs to show (rows attend to columns)</source>
            <translation>用于句对：显示哪些词元对（行关注列）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="248" />
            <location filename="../workbench/ui/widgets/attention_view.py" line="254" />
            <source> px</source>
            <translation> 像素</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="249" />
            <source>Size of each thumbnail in the grid</source>
            <translation>网格中每个缩略图的大小</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="253" />
            <source>fit</source>
            <translation>适应</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="255" />
            <source>Heatmap cell size (fit: the whole matrix in view; token labels appear from {px} px; Ctrl+wheel zooms)</source>
            <translation>热力图单元格大小（适应：整个矩阵可见；单元格达到 {px} 像素时显示词元标签；Ctrl+滚轮缩放）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="266" />
            <source>Save the grid, the heatmap or the head view (PNG, SVG), or the current matrix (CSV)</source>
            <translation>保存网格、热力图或头视图（PNG、SVG），或当前矩阵（CSV）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="258" />
            <source>Grid as PNG…</source>
            <translation>网格另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="259" />
            <source>Grid as SVG…</source>
            <translation>网格另存为 SVG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="260" />
            <source>Heatmap as PNG…</source>
            <translation>热力图另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="261" />
            <source>Heatmap as SVG…</source>
            <translation>热力图另存为 SVG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="262" />
            <source>Head view as PNG…</source>
            <translation>头视图另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="263" />
            <source>Head view as SVG…</source>
            <translation>头视图另存为 SVG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="264" />
            <source>Matrix as CSV…</source>
            <translation>矩阵另存为 CSV…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="274" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="275" />
            <source>Head</source>
            <translation>头</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="280" />
            <source>Pairs</source>
            <translation>词元对</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="282" />
            <source>Thumbnails</source>
            <translation>缩略图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="284" />
            <source>Cells</source>
            <translation>单元格</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="336" />
            <source>{layers} layers × {heads} heads. Type a text and press Run (Ctrl+Return).</source>
            <translation>{layers} 层 × {heads} 个头。请输入文本并点击“运行”（Ctrl+Return）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="371" />
            <source>mean of {n} layers</source>
            <translation>{n} 层的平均</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="372" />
            <source>mean of {n} heads</source>
            <translation>{n} 个头的平均</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="389" />
            <source>{n} tokens (a pair); {layers} layers × {heads} heads. Click a thumbnail for its heatmap; hover a cell for its weight.</source>
            <translation>{n} 个词元（句对）；{layers} 层 × {heads} 个头。点击缩略图查看其热力图；将鼠标悬停在单元格上查看权重。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="392" />
            <source>{n} tokens; {layers} layers × {heads} heads. Click a thumbnail for its heatmap; hover a cell for its weight.</source>
            <translation>{n} 个词元；{layers} 层 × {heads} 个头。点击缩略图查看其热力图；将鼠标悬停在单元格上查看权重。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="427" />
            <source>Type a second sentence (sentence B) to filter A → B, B → A, within A or B</source>
            <translation>输入第二个句子（句子 B）后，可筛选 A → B、B → A、A 内部或 B 内部</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="517" />
            <source>Nothing left to show: every row or column was filtered out.</source>
            <translation>没有可显示的内容：所有行或列都被筛掉了。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="536" />
            <source>Mean over layers, mean over heads</source>
            <translation>各层平均，各头平均</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="538" />
            <source>Mean over layers, head {head}</source>
            <translation>各层平均，第 {head} 个头</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="540" />
            <source>Layer {layer}, mean over heads</source>
            <translation>第 {layer} 层，各头平均</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="542" />
            <source>Layer {layer}, head {head}</source>
            <translation>第 {layer} 层，第 {head} 个头</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="608" />
            <source>Layer {layer}, head {head} (click to enlarge)</source>
            <translation>第 {layer} 层，第 {head} 个头（点击放大）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="630" />
            <source>{token} (query {i}; click to focus)</source>
            <translation>{token}（查询 {i}；点击聚焦）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="632" />
            <source>{token} (key {i}; click to focus)</source>
            <translation>{token}（键 {i}；点击聚焦）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="661" />
            <source>Run attention first.</source>
            <translation>请先计算注意力。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="665" />
            <source>PNG (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="665" />
            <source>SVG (*.svg)</source>
            <translation>SVG 图像 (*.svg)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="666" />
            <source>CSV (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="667" />
            <source>Export attention</source>
            <translation>导出注意力</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="680" />
            <source>Wrote {rows} rows to {path}.</source>
            <translation>已将 {rows} 行写入 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/attention_view.py" line="687" />
            <source>Run attention first: there is nothing to export.</source>
            <translation>请先计算注意力：没有可导出的内容。</translation>
        </message>
    </context>
    <context>
        <name>BertPanel</name>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="183" />
            <location filename="../workbench/ui/panels/bert_panel.py" line="205" />
            <location filename="../workbench/ui/panels/bert_panel.py" line="248" />
            <source>Loading PyTorch and transformers…</source>
            <translation>正在加载 PyTorch 和 transformers…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="195" />
            <source>Writing the static vectors for initialisation…</source>
            <translation>正在写入用于初始化的静态词向量…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="230" />
            <source>{part} in the sweep's mask ratios is not a number; write them like 0.05, 0.15, 0.3.</source>
            <translation>扫描的掩码比例中的 {part} 不是数字；请写成 0.05, 0.15, 0.3 这样的形式。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="234" />
            <source>The mask ratio {value} is not between 0 and 1.</source>
            <translation>掩码比例 {value} 不在 0 到 1 之间。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="240" />
            <source>Give at least two mask ratios to sweep, e.g. 0.05, 0.15, 0.3.</source>
            <translation>请至少给出两个要扫描的掩码比例，例如 0.05, 0.15, 0.3。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="291" />
            <source>{n} sentences (limit reached)</source>
            <translation>{n} 个句子（已达上限）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="292" />
            <source>{n} sentences</source>
            <translation>{n} 个句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="294" />
            <source>{n} questions (limit reached)</source>
            <translation>{n} 个问题（已达上限）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="295" />
            <source>{n} questions</source>
            <translation>{n} 个问题</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="297" />
            <source>{n} examples (limit reached)</source>
            <translation>{n} 个样本（已达上限）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="298" />
            <source>{n} examples</source>
            <translation>{n} 个样本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="302" />
            <source>{n} tags: {shown}</source>
            <translation>{n} 个标签：{shown}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="304" />
            <source>{n} labels: {shown}</source>
            <translation>{n} 个类别标签：{shown}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="324" />
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="340" />
            <source>text column {text}, second text {pair}, label column {label}</source>
            <translation>文本列 {text}，第二文本列 {pair}，标签列 {label}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="343" />
            <source>text column {text}, label column {label}</source>
            <translation>文本列 {text}，标签列 {label}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="349" />
            <source>{columns} ({layout} layout)</source>
            <translation>{columns}（{layout} 格式）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="358" />
            <source>{n} columns (word first, tag last)</source>
            <translation>{n} 列（第一列为词，最后一列为标签）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="362" />
            <source>SQuAD 2.0 (with unanswerable questions)</source>
            <translation>SQuAD 2.0（含无法回答的问题）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="421" />
            <source>Browse</source>
            <translation>浏览</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="436" />
            <source>Where to train: auto = CUDA, then Apple MPS, then CPU (only devices PyTorch has here are listed)</source>
            <translation>训练设备：自动 = 优先 CUDA，其次 Apple MPS，最后 CPU（只列出本机 PyTorch 可用的设备）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="447" />
            <location filename="../workbench/ui/panels/bert_panel.py" line="457" />
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="460" />
            <source>auto = bf16 (or fp16) on CUDA, fp32 elsewhere; fp16 needs a GPU</source>
            <translation>自动 = 在 CUDA 上用 bf16（或 fp16），其他设备用 fp32；fp16 需要 GPU</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="467" />
            <source>Open in Explore</source>
            <translation>在“探索”中打开</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="468" />
            <source>Explore this model's input word embeddings (BERT's embedding layer) with neighbours, analogies and maps</source>
            <translation>用近邻、类比和投影图探索此模型的输入词嵌入（BERT 的嵌入层）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="471" />
            <source>## pieces</source>
            <translation>## 子词片段</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="472" />
            <source>Also show WordPiece continuation pieces (##ing, …)</source>
            <translation>同时显示 WordPiece 续接子词片段（##ing, …）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="488" />
            <source>Reading the word embeddings of {name}…</source>
            <translation>正在读取 {name} 的词嵌入…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="694" />
            <source>The job failed.</source>
            <translation>任务失败。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1769" />
            <source>Pretrain</source>
            <translation>预训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1770" />
            <source>Fine-tune</source>
            <translation>微调</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1772" />
            <source>Pretrain a BERT (masked-language modelling, next-sentence prediction) on the Corpus panel's corpus</source>
            <translation>在“语料库”面板的语料库上预训练 BERT（掩码语言建模、下一句预测）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1774" />
            <source>Fine-tune a pretrained BERT on a labelled task</source>
            <translation>在有标注的任务上微调预训练的 BERT</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1780" />
            <source>Opening a BERT model in Explore</source>
            <translation>正在“探索”中打开 BERT 模型</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="486" />
            <source>Type at least two words, separated by spaces or commas.</source>
            <translation>请至少输入两个词，用空格或逗号分隔。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="497" />
            <source>Compare words</source>
            <translation>比较词语</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="501" />
            <source>Two or more words separated by spaces or commas (Enter)</source>
            <translation>两个或更多的词，用空格或逗号分隔（Enter）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="504" />
            <source>Compare</source>
            <translation>比较</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="512" />
            <source>Cosine similarity of every pair of words</source>
            <translation>每对词之间的余弦相似度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="557" />
            <source>Odd one out: {odd} (mean cosine to the others {mean:.3f}, against {others})</source>
            <translation>不合群的词：{odd}（与其他词的平均余弦为 {mean:.3f}，其他词分别为 {others}）</translation>
        </message>
    </context>
    <context>
        <name>ConfusionHeatmap</name>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="247" />
            <source>gold</source>
            <translation>真实</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="248" />
            <source>predicted</source>
            <translation>预测</translation>
        </message>
    </context>
    <context>
        <name>ContextualityView</name>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="89" />
            <source>After Ethayarajh (2019), “How contextual are contextualized word representations?” (EMNLP). Self-similarity: mean cosine between a word's vectors in different contexts. Intra-sentence similarity: mean cosine between a sentence's word vectors and the sentence's mean vector. MEV: share of a word's variance explained by its first principal component (how well one static vector could replace its contextual ones). Raw values are inflated by anisotropy (all vectors point in similar directions); the dashed baseline is the mean cosine of random word pairs, and the anisotropy-adjusted curves subtract it.</source>
            <extracomment>The Word-in-Context preset: two senses of "bank". The note under the contextuality plot (English; shown through ``tr``).</extracomment>
            <translation>参照 Ethayarajh (2019)，“How contextual are contextualized word representations?”（EMNLP）。自相似度：同一个词在不同上下文中的向量之间的平均余弦。句内相似度：句子中各词向量与该句平均向量之间的平均余弦。MEV：词的方差中由第一主成分解释的比例（即单个静态向量能在多大程度上替代它的上下文向量）。原始值会因各向异性（所有向量都指向相近的方向）而偏高；虚线基线是随机词对的平均余弦，经各向异性校正的曲线减去了该基线。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="142" />
            <source>Cannot export the plot as {name}: use a .png file name.</source>
            <translation>无法将图表导出为 {name}：请使用 .png 文件名。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1204" />
            <source>Open a corpus in the Corpus panel first, or type text.</source>
            <translation>请先在“语料库”面板中打开语料库，或输入文本。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1206" />
            <source>Reading the corpus sample…</source>
            <translation>正在读取语料库样本…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1217" />
            <source>the first {n:,} sentences of {name}</source>
            <translation>{name} 的前 {n:,} 个句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1222" />
            <source>{n:,} typed sentences</source>
            <translation>{n:,} 个输入的句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1225" />
            <source>There are no sentences to measure: type some text (one sentence per line) or open a corpus.</source>
            <translation>没有可测量的句子：请输入一些文本（每行一句）或打开语料库。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1235" />
            <source>self-similarity</source>
            <extracomment>(label, key, colour) of the three measures (labels shown through ``tr``).</extracomment>
            <translation>自相似度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1236" />
            <source>intra-sentence similarity</source>
            <translation>句内相似度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1238" />
            <source>MEV (max. explainable variance)</source>
            <translation>MEV（最大可解释方差）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1269" />
            <source>Contextuality</source>
            <translation>上下文相关性</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1276" />
            <source>Current corpus (first sentences)</source>
            <translation>当前语料库（开头的句子）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1277" />
            <source>Typed text</source>
            <translation>输入的文本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1278" />
            <source>Which sentences to measure</source>
            <translation>要测量哪些句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1281" />
            <source>How many sentences (lines) to read from the start of the corpus</source>
            <translation>从语料库开头读取多少个句子（行）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1283" />
            <source>Words seen fewer times are left out of self-similarity and MEV</source>
            <translation>出现次数少于此值的词不计入自相似度和 MEV</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1287" />
            <source>Sentences, one per line (words used several times in different sentences are measured)</source>
            <translation>句子，每行一句（在不同句子中多次出现的词会被测量）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1289" />
            <source>Typed text, one sentence per line</source>
            <translation>输入的文本，每行一句</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1291" />
            <source>anisotropy-adjusted</source>
            <translation>各向异性校正</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1292" />
            <source>Subtract the mean cosine of random word pairs (raw: the baseline is drawn dashed)</source>
            <translation>减去随机词对的平均余弦（原始值：基线以虚线绘出）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1296" />
            <source>Save the values per layer as CSV, or the plot as PNG</source>
            <translation>将各层数值保存为 CSV，或将图表保存为 PNG</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1297" />
            <source>Values as CSV…</source>
            <translation>数值另存为 CSV…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1298" />
            <source>Plot as PNG…</source>
            <translation>图表另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1299" />
            <source>Measure</source>
            <translation>测量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1300" />
            <source>Measure self-similarity, intra-sentence similarity and MEV per layer (Ctrl+Return; Esc cancels)</source>
            <translation>逐层测量自相似度、句内相似度和 MEV（Ctrl+Return；Esc 取消）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1305" />
            <source>sentences</source>
            <translation>句子数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1307" />
            <source>min. occurrences</source>
            <translation>最少出现次数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1309" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1310" />
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1320" />
            <source>layer (0 = embedding output)</source>
            <translation>层（0 = 嵌入层输出）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1321" />
            <location filename="../workbench/ui/widgets/senses_views.py" line="1416" />
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1324" />
            <source>The three measures per layer; lower self-similarity and intra-sentence similarity mean more context-specific vectors</source>
            <translation>各层的三项指标；自相似度和句内相似度越低，向量越依赖具体上下文</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1338" />
            <source>baseline: random word pairs (cosine)</source>
            <translation>基线：随机词对（余弦）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1341" />
            <source>baseline: MEV of random words</source>
            <translation>基线：随机词的 MEV</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1365" />
            <source>The first sentences of {path}</source>
            <translation>{path} 开头的句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1366" />
            <source>Open a corpus in the Corpus panel first</source>
            <translation>请先在“语料库”面板中打开语料库</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1378" />
            <source>Type some text first, one sentence per line.</source>
            <translation>请先输入一些文本，每行一句。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1393" />
            <source>From {where}: {words:,} words seen at least {min} times, {occurrences:,} occurrences, {layers} layers (0 = embedding output).</source>
            <translation>来自{where}：{words:,} 个至少出现 {min} 次的词，共 {occurrences:,} 次出现，{layers} 层（0 = 嵌入层输出）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1412" />
            <source>value minus the anisotropy baseline</source>
            <translation>数值减去各向异性基线</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1426" />
            <source>Measure first; there is nothing to export.</source>
            <translation>请先测量；没有可导出的内容。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1440" />
            <source>Measure first; there is no plot to export.</source>
            <translation>请先测量；没有可导出的图表。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1444" />
            <source>Export the values</source>
            <translation>导出数值</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1445" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1446" />
            <source>Wrote {n:,} rows to {path}.</source>
            <translation>已将 {n:,} 行写入 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1449" />
            <source>Export the plot</source>
            <translation>导出图表</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1450" />
            <source>PNG files (*.png)</source>
            <translation>PNG 文件 (*.png)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1451" />
            <source>Saved the plot to {path}.</source>
            <translation>已将图表保存到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>CorpusPanel</name>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="80" />
            <source>All</source>
            <extracomment>``TokenizerSettings()`` defaults, spelled out so that building the panel does not import the core corpus package (a test checks they agree).</extracomment>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="82" />
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="83" />
            <source>jieba word segmentation if installed, else characters; only for Chinese text</source>
            <translation>已安装 jieba 时按词切分，否则按字切分；只作用于中文文本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="85" />
            <source>jieba words</source>
            <translation>jieba 分词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="86" />
            <source>Segment Chinese text into words with jieba</source>
            <translation>用 jieba 把中文文本切分成词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="87" />
            <source>Characters</source>
            <translation>按字</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="88" />
            <source>Split Chinese text into single characters</source>
            <translation>把中文文本切分成单个汉字</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="89" />
            <source>Off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="90" />
            <source>No special handling: Chinese runs stay as they are</source>
            <translation>不做特殊处理：连续的中文保持原样</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="211" />
            <source>Ranking words…</source>
            <translation>正在给词排序…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="220" />
            <source>Writing {name}…</source>
            <translation>正在写入 {name}…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="275" />
            <source>Corpus statistics</source>
            <translation>语料库统计</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="276" />
            <location filename="../workbench/ui/panels/corpus_panel.py" line="740" />
            <source>Export vocabulary</source>
            <translation>导出词表</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="288" />
            <source>A text, .gz/.bz2/.xz/.zip, JSONL or CSV file, or a folder</source>
            <translation>文本、.gz/.bz2/.xz/.zip、JSONL 或 CSV 文件，或一个文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="290" />
            <source>The corpus to read: a file or a folder. Press Enter to open it and compute its statistics.</source>
            <translation>要读取的语料库：一个文件或文件夹。按 Enter 打开并计算其统计信息。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="293" />
            <source>Open file…</source>
            <translation>打开文件…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="294" />
            <source>Choose a corpus file (Ctrl+O)</source>
            <translation>选择语料库文件（Ctrl+O）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="295" />
            <source>Open folder…</source>
            <translation>打开文件夹…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="296" />
            <source>Choose a folder of corpus files (Ctrl+Shift+O)</source>
            <translation>选择存放语料库文件的文件夹（Ctrl+Shift+O）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="304" />
            <source>Reading</source>
            <translation>读取</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="306" />
            <source>Folders only: which files to read, e.g. *.txt (searched in subfolders too)</source>
            <translation>仅用于文件夹：要读取哪些文件，例如 *.txt（子文件夹也会搜索）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="309" />
            <source>JSON Lines only: the field of each object that holds the text</source>
            <translation>仅用于 JSON Lines：每个对象中存放文本的字段</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="312" />
            <source>CSV/TSV only: the header of the text column, or its 0-based number</source>
            <translation>仅用于 CSV/TSV：文本列的表头，或其从 0 开始的列号</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="315" />
            <source>Files in folder:</source>
            <translation>文件夹中的文件：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="316" />
            <source>JSONL field:</source>
            <translation>JSONL 字段：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="317" />
            <source>CSV column:</source>
            <translation>CSV 列：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="320" />
            <source>Tokenizer</source>
            <translation>分词器</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="322" />
            <source>Lowercase</source>
            <translation>转为小写</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="324" />
            <source>Fold upper case to lower case (The → the)</source>
            <translation>把大写字母转为小写（The → the）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="325" />
            <source>Strip accents</source>
            <translation>去除重音符号</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="327" />
            <source>Remove accents (café → cafe)</source>
            <translation>去掉重音符号（café → cafe）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="328" />
            <source>Fold numbers</source>
            <translation>归并数字</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="330" />
            <source>Replace every digit by 0 (1984 → 0000), so numbers share a few vocabulary entries</source>
            <translation>把每个数字替换为 0（1984 → 0000），使数字只占用少数几个词表条目</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="332" />
            <source>Keep punctuation</source>
            <translation>保留标点</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="334" />
            <source>Keep punctuation marks as tokens of their own</source>
            <translation>把标点符号保留为独立的词元</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="336" />
            <source>Split sentences</source>
            <translation>切分句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="339" />
            <source>Split lines into sentences at . ! ? 。！？ (for running text; off: one sentence per line)</source>
            <translation>在 . ! ? 。！？ 处把各行切分成句子（适用于连续文本；关闭时每行一句）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="348" />
            <source>How to split Chinese text into tokens</source>
            <translation>如何把中文文本切分成词元</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="356" />
            <source>Chinese:</source>
            <translation>中文：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="364" />
            <source>Words rarer than this are out of vocabulary for training; the OOV rate and vocabulary size update at once, without a rescan</source>
            <translation>出现次数少于此值的词在训练时视为未登录词；未登录词率和词表大小会立即更新，无需重新扫描</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="367" />
            <source>Compute statistics</source>
            <translation>计算统计信息</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="369" />
            <source>Read and tokenize the corpus and count its words (F5)</source>
            <translation>读取语料库、分词并统计词频（F5）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="372" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="373" />
            <source>Stop the scan; the statistics shown stay as they were</source>
            <translation>停止扫描；已显示的统计信息保持不变</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="376" />
            <source>State of the last scan</source>
            <translation>上一次扫描的状态</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="379" />
            <source>Min count:</source>
            <translation>最小词频：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="387" />
            <source>Summary</source>
            <translation>概要</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="391" />
            <source>Corpus:</source>
            <translation>语料库：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="391" />
            <source>The corpus these statistics describe</source>
            <translation>这些统计信息所描述的语料库</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="392" />
            <source>Tokens:</source>
            <translation>词元数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="392" />
            <source>Number of tokens (running words)</source>
            <translation>词元（连续文本中的词）的数量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="393" />
            <source>Types:</source>
            <translation>词型数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="393" />
            <source>Number of distinct words</source>
            <translation>不同词的数量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="394" />
            <source>Sentences:</source>
            <translation>句子数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="394" />
            <source>Number of non-empty sentences</source>
            <translation>非空句子的数量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="395" />
            <source>Hapax legomena:</source>
            <translation>只出现一次的词：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="395" />
            <source>Words that occur exactly once</source>
            <translation>恰好出现一次的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="396" />
            <source>Vocabulary ≥ min count:</source>
            <translation>词表（≥ 最小词频）：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="397" />
            <source>Words that occur at least min count times</source>
            <translation>出现次数不少于最小词频的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="398" />
            <source>OOV rate at min count:</source>
            <translation>该最小词频下的未登录词率：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="399" />
            <source>Share of tokens whose word is rarer than min count</source>
            <translation>所属词的出现次数少于最小词频的词元所占比例</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="400" />
            <source>Scan time:</source>
            <translation>扫描用时：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="400" />
            <source>How long the scan took</source>
            <translation>扫描所用的时间</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="409" />
            <source>Export vocabulary TSV…</source>
            <translation>导出词表 TSV…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="410" />
            <source>Save every word with count ≥ min count as word&lt;TAB&gt;count, most frequent first</source>
            <translation>把出现次数 ≥ 最小词频的每个词按 词&lt;TAB&gt;次数 保存，最常见的在前</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="439" />
            <source>Most frequent words. Click a header to sort; Ctrl+C copies the selected rows</source>
            <translation>最常见的词。点击表头排序；Ctrl+C 复制所选行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="442" />
            <source>Filter words…</source>
            <translation>筛选词…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="444" />
            <source>Show only words containing this text</source>
            <translation>只显示包含此文本的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="449" />
            <source>How many of the most frequent words the table holds</source>
            <translation>表格中列出多少个最常见的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="451" />
            <source>Export TSV…</source>
            <translation>导出 TSV…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="452" />
            <source>Save the rows shown (filtered and sorted) as tab-separated text</source>
            <translation>把显示的行（已筛选并排序）保存为制表符分隔的文本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="456" />
            <source>Top:</source>
            <translation>前：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="468" />
            <source>Export PNG…</source>
            <translation>导出 PNG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="469" />
            <source>Save the Zipf plot as a PNG image</source>
            <translation>把 Zipf 图保存为 PNG 图像</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="484" />
            <source>The first tokenized sentences appear here.</source>
            <translation>分词后的前几个句子显示在这里。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="486" />
            <source>The first sentences as the tokenizer split them; tokens are separated by spaces</source>
            <translation>分词器切分出的前几个句子；词元之间以空格分隔</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="489" />
            <source>Sentence lengths</source>
            <translation>句子长度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="490" />
            <source>Tokenized preview</source>
            <translation>分词预览</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="630" />
            <source>Open a corpus file or folder first (File ▸ Open corpus file…).</source>
            <translation>请先打开一个语料库文件或文件夹（文件 ▸ 打开语料库文件…）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="641" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="648" />
            <source>Open corpus file</source>
            <translation>打开语料库文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="649" />
            <source>Corpora (*.txt *.gz *.bz2 *.xz *.zip *.jsonl *.ndjson *.json *.csv *.tsv)</source>
            <translation>语料库 (*.txt *.gz *.bz2 *.xz *.zip *.jsonl *.ndjson *.json *.csv *.tsv)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="650" />
            <location filename="../workbench/ui/panels/corpus_panel.py" line="729" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="657" />
            <source>Open corpus folder</source>
            <translation>打开语料库文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="667" />
            <location filename="../workbench/ui/panels/corpus_panel.py" line="686" />
            <source>Could not save {path}: {reason}.</source>
            <translation>无法保存 {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="670" />
            <source>Saved {rows:,} rows to {path}.</source>
            <translation>已将 {rows:,} 行保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="676" />
            <source>Compute statistics first.</source>
            <translation>请先计算统计信息。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="689" />
            <source>Saved the Zipf plot to {path}.</source>
            <translation>已将 Zipf 图保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="713" />
            <source>Options changed: press Compute statistics (F5) to update.</source>
            <translation>选项已更改：按“计算统计信息”（F5）以更新。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="729" />
            <source>Tab-separated (*.tsv)</source>
            <translation>制表符分隔 (*.tsv)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="733" />
            <source>Export table</source>
            <translation>导出表格</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="747" />
            <source>Export Zipf plot</source>
            <translation>导出 Zipf 图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="748" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="755" />
            <source>Scanning {name}…</source>
            <translation>正在扫描 {name}…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="764" />
            <source>Done: {corpus} in {seconds:.1f} s.</source>
            <translation>完成：{corpus}，用时 {seconds:.1f} 秒。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="771" />
            <source>{warnings} (and {more} more warnings)</source>
            <translation>{warnings}（另有 {more} 条警告）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="777" />
            <source>Cancelled: the statistics shown are unchanged.</source>
            <translation>已取消：显示的统计信息未改变。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="786" />
            <source>{name}: {message}</source>
            <translation>{name}：{message}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="788" />
            <source>Failed: see the message above.</source>
            <translation>失败：请查看上方的消息。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="790" />
            <source>Failed because of an unexpected error.</source>
            <translation>因意外错误而失败。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="799" />
            <source>Saved the vocabulary to {path}.</source>
            <translation>已将词表保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="825" />
            <source>{hapax:,} ({share:.1f}% of types)</source>
            <translation>{hapax:,}（占词型的 {share:.1f}%）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/corpus_panel.py" line="827" />
            <source>{seconds:.2f} s</source>
            <translation>{seconds:.2f} 秒</translation>
        </message>
    </context>
    <context>
        <name>EmbeddingMap3DView</name>
        <message>
            <location filename="../workbench/ui/plots/embedding_map_3d.py" line="61" />
            <source>The 3D map needs PyOpenGL (pip install PyOpenGL); the 2D map works.</source>
            <extracomment>Point sizes in pixels: ordinary, selected, highlighted (search result, neighbours). Colours of the selected and highlighted points (RGBA, 0-1). At most this many labels (the highlighted words first, then the selected ones).</extracomment>
            <translation>三维词图需要 PyOpenGL（pip install PyOpenGL）；二维词图可以正常使用。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map_3d.py" line="67" />
            <source>this display</source>
            <translation>此显示环境</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map_3d.py" line="68" />
            <source>The 3D map needs OpenGL, which this display ({platform}) does not provide; the 2D map works.</source>
            <translation>三维词图需要 OpenGL，而此显示环境（{platform}）不提供；二维词图可以正常使用。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map_3d.py" line="189" />
            <source>Drag to rotate, scroll to zoom, Ctrl-drag to pan</source>
            <translation>拖动可旋转，滚轮可缩放，按住 Ctrl 拖动可平移</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map_3d.py" line="249" />
            <source>The 3D view could not be saved as {path}.</source>
            <translation>无法将三维视图保存为 {path}。</translation>
        </message>
    </context>
    <context>
        <name>EmbeddingMapView</name>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="390" />
            <source>Wheel: zoom · drag: pan · click: select a word (Ctrl+click: add or remove) · Shift+drag: select a rectangle · Ctrl+drag: lasso · Home or R: show everything · Esc: clear the selection. Zoomed out, the map shows point density; colours and words appear once at most {threshold:,} points are in view.</source>
            <extracomment>Above this many points in view the map shows a density image instead of points. Word labels drawn at most (the pool of text items never grows beyond this). Most frequent words in view that get a label in points mode. Hover and click find the nearest point within this many pixels. View changes are drawn at most this often (milliseconds). The word under the mouse is looked up at most this often (milliseconds). Screen pixels per density bin (per axis). Selected or highlighted points drawn at most (the rest still count as selected). Categorical palette for cluster labels and word groups (label ``k`` gets ``k % 20``). Modifiers held when the mouse button went down (set by the plot widget).</extracomment>
            <translation>滚轮：缩放 · 拖动：平移 · 单击：选择一个词（Ctrl+单击：添加或移除） · Shift+拖动：框选矩形区域 · Ctrl+拖动：套索选择 · Home 或 R：显示全部 · Esc：清除选择。缩小时词图显示点的密度；视图中的点不超过 {threshold:,} 个时才显示颜色和词。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="395" />
            <source>How many points are in view, and what the colours mean.</source>
            <translation>视图中有多少个点，以及颜色的含义。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="800" />
            <source>rare</source>
            <translation>罕见</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="801" />
            <source>frequent</source>
            <translation>常见</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="812" />
            <source>cluster {k}</source>
            <translation>簇 {k}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="850" />
            <source>… {n} more</source>
            <translation>… 另有 {n} 项</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="994" />
            <source>No points.</source>
            <translation>没有点。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="996" />
            <source>{visible:,} of {n:,} points in view</source>
            <translation>视图中有 {visible:,} / {n:,} 个点</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="999" />
            <source>density of points (colours and words show below {threshold:,} points in view)</source>
            <translation>点的密度（视图中的点少于 {threshold:,} 个时显示颜色和词）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="1001" />
            <source>colour: frequency</source>
            <translation>颜色：词频</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="1002" />
            <source>colour: cluster</source>
            <translation>颜色：簇</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="1002" />
            <source>colour: word lists</source>
            <translation>颜色：词表组</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="1006" />
            <source>{n:,} selected</source>
            <translation>已选 {n:,} 个</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="1109" />
            <source>This map bookmark cannot be read ({error}).</source>
            <translation>无法读取此词图书签（{error}）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="1112" />
            <source>This map bookmark has an empty or invalid view rectangle.</source>
            <translation>此词图书签的视图矩形为空或无效。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/embedding_map.py" line="1148" />
            <source>Cannot export the map as {name}: use a .png, .jpg or .svg file name.</source>
            <translation>无法将词图导出为 {name}：请使用 .png、.jpg 或 .svg 文件名。</translation>
        </message>
    </context>
    <context>
        <name>ErrorReporter</name>
        <message>
            <location filename="../workbench/ui/notifications.py" line="149" />
            <source>Something went wrong inside Embedding Workbench ({detail}). This is a bug, not something you did. The app is still running; anything already saved is safe.</source>
            <translation>Embedding Workbench 内部出错（{detail}）。这是程序缺陷，不是您的操作造成的。程序仍在运行；已经保存的内容都是安全的。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/notifications.py" line="182" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../workbench/ui/notifications.py" line="184" />
            <source>Click “Show Details…” for the technical report to copy into a bug report.</source>
            <translation>点击“显示详细信息…”查看技术报告，可复制到错误报告中。</translation>
        </message>
    </context>
    <context>
        <name>EvaluationTableModel</name>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="306" />
            <source>Category</source>
            <extracomment>The text in exported files when it differs from the (translated) one shown.</extracomment>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="306" />
            <source>Questions</source>
            <translation>问题数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="307" />
            <source>The benchmark's category (relation)</source>
            <translation>基准的类别（关系）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="308" />
            <source>Questions in the category</source>
            <translation>该类别中的问题数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="311" />
            <source>{slot}: accuracy (%)</source>
            <translation>{slot}：准确率 (%)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="312" />
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="355" />
            <source>{slot}: OOV skipped</source>
            <translation>{slot}：跳过（未登录词）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="314" />
            <source>{slot} = {label}: share of the answered questions whose best answer was right</source>
            <translation>{slot} = {label}：已回答问题中最佳答案正确的比例</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="316" />
            <source>{slot} = {label}: questions not answered because one of their words is not in the vocabulary</source>
            <translation>{slot} = {label}：因其中某个词不在词表中而未回答的问题数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="325" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="335" />
            <source>{slot}: {correct} of {answered} answered questions correct ({oov} of {questions} skipped for missing words)</source>
            <translation>{slot}：已回答的 {answered} 个问题中答对 {correct} 个（{questions} 个问题中有 {oov} 个因缺词而跳过）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="344" />
            <source>Benchmark</source>
            <translation>基准测试</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="344" />
            <source>Pairs</source>
            <translation>词对</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="345" />
            <source>The similarity benchmark</source>
            <translation>相似度基准</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="346" />
            <source>Word pairs in the benchmark</source>
            <translation>基准中的词对数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="353" />
            <source>{slot}: Spearman</source>
            <translation>{slot}：Spearman</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="354" />
            <source>{slot}: Pearson</source>
            <translation>{slot}：Pearson</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="357" />
            <source>{slot} = {label}: Spearman rank correlation between the human scores and the cosine similarities</source>
            <translation>{slot} = {label}：人工评分与余弦相似度之间的 Spearman 秩相关系数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="359" />
            <source>{slot} = {label}: Pearson (linear) correlation between the human scores and the cosine similarities</source>
            <translation>{slot} = {label}：人工评分与余弦相似度之间的 Pearson（线性）相关系数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="361" />
            <source>{slot} = {label}: pairs left out because a word is not in the vocabulary</source>
            <translation>{slot} = {label}：因有词不在词表中而略去的词对数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="363" />
            <source>{slot}: computed on {used} of {pairs} pairs</source>
            <translation>{slot}：基于 {pairs} 个词对中的 {used} 个计算</translation>
        </message>
    </context>
    <context>
        <name>EvaluationView</name>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="174" />
            <source>The benchmark {path} does not exist.</source>
            <extracomment>The two vector slots, in column order. (label, method) for the analogy method combo box. Benchmarks read by a finished evaluation or "Add benchmark file…", kept for re-use.</extracomment>
            <translation>基准 {path} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="177" />
            <source>{name} is neither an analogy benchmark nor a similarity benchmark. As analogies: {analogy_error} As similarity pairs: {similarity_error}</source>
            <translation>{name} 既不是类比基准，也不是相似度基准。按类比读取：{analogy_error} 按相似度词对读取：{similarity_error}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="216" />
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="226" />
            <source>Evaluating {slot} ({label}) on {name}…</source>
            <translation>正在 {name} 上评测 {slot}（{label}）…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="235" />
            <source>Evaluated on {name}</source>
            <translation>已在 {name} 上完成评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="437" />
            <source>No malformed lines in the benchmark file.</source>
            <translation>基准文件中没有格式错误的行。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="444" />
            <source>1 malformed line skipped: {lines}</source>
            <translation>跳过了 1 个格式错误的行：{lines}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="446" />
            <source>{n} malformed lines skipped: {lines}</source>
            <translation>跳过了 {n} 个格式错误的行：{lines}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="479" />
            <source>Evaluation</source>
            <translation>评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="495" />
            <source>The benchmark to evaluate on: analogies (a is to b as c is to ?) are scored by accuracy, similarity pairs by correlation with human ratings</source>
            <translation>用于评测的基准：类比（a 之于 b 如同 c 之于 ?）按准确率计分，相似度词对按与人工评分的相关系数计分</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="497" />
            <source>Add benchmark file…</source>
            <translation>添加基准文件…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="499" />
            <source>Use your own benchmark file: analogies (questions-words ': category' and 'a b c d' lines, BATS, vecto CSV) or similarity pairs ('word1 word2 score')</source>
            <translation>使用自己的基准文件：类比（questions-words 格式的 ': category' 和 'a b c d' 行、BATS、vecto CSV）或相似度词对（'word1 word2 score'）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="505" />
            <source>Answer = word closest to b − a + c (Mikolov et al. 2013)</source>
            <translation>答案 = 最接近 b − a + c 的词（Mikolov 等，2013）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="508" />
            <source>Answer = word maximising cos(x, b)·cos(x, c) / cos(x, a) (Levy &amp; Goldberg 2014); often better on syntactic relations</source>
            <translation>答案 = 使 cos(x, b)·cos(x, c) / cos(x, a) 最大的词（Levy 与 Goldberg，2014）；在句法关系上通常更好</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="511" />
            <source>How an analogy question is answered (3CosAdd or 3CosMul); not used for similarity benchmarks</source>
            <translation>类比问题的求解方法（3CosAdd 或 3CosMul）；相似度基准不使用</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="513" />
            <source>Evaluate</source>
            <translation>评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="514" />
            <source>Score the vectors in A (and B, if set) on the chosen benchmark</source>
            <translation>在所选基准上为 A（以及已设置的 B）中的词向量打分</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="516" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="517" />
            <source>Stop the evaluation</source>
            <translation>停止评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="525" />
            <source>Vectors A: the vectors trained or loaded last</source>
            <translation>词向量 A：最近训练或加载的词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="526" />
            <source>Vectors B: kept for comparison with A</source>
            <translation>词向量 B：保留下来与 A 比较</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="527" />
            <source>Keep A as B</source>
            <translation>将 A 保留为 B</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="528" />
            <source>Copy vectors A to slot B, to compare them with the next vectors you train or load</source>
            <translation>把词向量 A 复制到槽位 B，以便与之后训练或加载的词向量比较</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="530" />
            <source>Clear B</source>
            <translation>清空 B</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="531" />
            <source>Evaluate vectors A only</source>
            <translation>只评测词向量 A</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="535" />
            <source>What the evaluation is doing or found</source>
            <translation>评测的进度或结果</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="540" />
            <source>Scores per category; select rows and press Ctrl+C to copy them as tab-separated text</source>
            <translation>各类别的得分；选中行后按 Ctrl+C 可复制为制表符分隔的文本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="545" />
            <source>Lines of the benchmark file that could not be read as a question or a word pair (the first few line numbers)</source>
            <translation>基准文件中无法读作问题或词对的行（列出前几个行号）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="547" />
            <source>Export TSV…</source>
            <translation>导出 TSV…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="548" />
            <source>Save the whole table as a tab-separated file</source>
            <translation>将整个表格保存为制表符分隔的文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="552" />
            <source>Benchmark:</source>
            <translation>基准测试：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="557" />
            <source>Method:</source>
            <translation>方法：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="626" />
            <source>analogy</source>
            <translation>类比</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="627" />
            <source>similarity</source>
            <translation>相似度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="662" />
            <source>The vectors changed after this evaluation; click Evaluate to score them again.</source>
            <translation>此次评测之后词向量已改变；点击“评测”重新打分。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="680" />
            <source>A: no vectors yet (train or load some)</source>
            <translation>A：尚无词向量（请训练或加载）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="681" />
            <source>B: empty (optional, for comparison)</source>
            <translation>B：空（可选，用于比较）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="684" />
            <source>{slot}: {label} — {n} words × {dim} dimensions</source>
            <translation>{slot}：{label} — {n} 个词 × {dim} 维</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="727" />
            <source>{path}
{n} questions, {skipped} lines skipped</source>
            <translation>{path}
{n} 个问题，跳过 {skipped} 行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="730" />
            <source>{path}
{n} pairs, {skipped} lines skipped</source>
            <translation>{path}
{n} 个词对，跳过 {skipped} 行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="754" />
            <source>Add a benchmark file</source>
            <translation>添加基准文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="755" />
            <source>Benchmarks (*.txt *.tsv *.csv);;All files (*)</source>
            <translation>基准文件 (*.txt *.tsv *.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="768" />
            <source>There are no vectors to evaluate: train vectors or load a vector file first.</source>
            <translation>没有可评测的词向量：请先训练词向量或加载词向量文件。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="773" />
            <source>Choose a benchmark first, or add a benchmark file.</source>
            <translation>请先选择一个基准，或添加基准文件。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="776" />
            <source>Evaluating on {name}…</source>
            <translation>正在 {name} 上评测…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="794" />
            <source>There are no results to export yet: click Evaluate first.</source>
            <translation>尚无可导出的结果：请先点击“评测”。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="800" />
            <source>{path} cannot be written: {reason}.</source>
            <translation>无法写入 {path}：{reason}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="803" />
            <source>Exported the results to {path}.</source>
            <translation>已将结果导出到 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="812" />
            <source>Export results</source>
            <translation>导出结果</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="813" />
            <source>Tab-separated values (*.tsv);;All files (*)</source>
            <translation>制表符分隔值 (*.tsv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="841" />
            <source>{slot}: {accuracy} % of {answered} answered ({oov} skipped for missing words)</source>
            <translation>{slot}：已回答的 {answered} 个问题中正确率 {accuracy} %（{oov} 个因缺词而跳过）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="846" />
            <source>{slot}: Spearman {spearman} on {used} pairs</source>
            <translation>{slot}：{used} 个词对上的 Spearman 为 {spearman}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="854" />
            <source>Evaluation cancelled.</source>
            <translation>评测已取消。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/evaluation_view.py" line="860" />
            <source>The evaluation failed.</source>
            <translation>评测失败。</translation>
        </message>
    </context>
    <context>
        <name>ExploreJobs</name>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="234" />
            <source>Clusters</source>
            <translation>聚类</translation>
        </message>
    </context>
    <context>
        <name>ExplorePanel</name>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="85" />
            <source>Semantic axes</source>
            <extracomment>(label, method) for the map method combo box; labels are translated when shown.</extracomment>
            <translation>语义轴</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="125" />
            <source>Each axis needs words at both ends, e.g. x: man → woman, y: small → big.</source>
            <translation>每条轴的两端都需要词，例如 x：man → woman，y：small → big。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="136" />
            <source>Preparing UMAP (compiling once)…</source>
            <translation>正在准备 UMAP（只需编译一次）…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="166" />
            <source>unexpected content</source>
            <extracomment>Version of the bookmarks file format.</extracomment>
            <translation>内容不符合预期</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="169" />
            <source>The bookmarks saved for these vectors ({path}) cannot be read ({reason}); the list starts empty, and the file is replaced when you add a bookmark.</source>
            <translation>无法读取为这些词向量保存的书签（{path}）（{reason}）；书签列表从空开始，添加书签时会替换该文件。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="231" />
            <location filename="../workbench/ui/panels/explore_panel.py" line="334" />
            <source>Map</source>
            <translation>词图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="232" />
            <source>Load vectors</source>
            <translation>加载词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="236" />
            <source>Prepare UMAP</source>
            <translation>准备 UMAP</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="237" />
            <location filename="../workbench/ui/panels/explore_panel.py" line="394" />
            <source>Bookmarks</source>
            <translation>书签</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="251" />
            <source>Load vectors…</source>
            <translation>加载词向量…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="252" />
            <source>Open a word2vec, GloVe or fastText vector file (the Static training panel's vectors appear here too)</source>
            <translation>打开 word2vec、GloVe 或 fastText 词向量文件（“静态词向量训练”面板中的词向量也会显示在这里）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="265" />
            <source>Neighbours</source>
            <translation>近邻</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="266" />
            <source>Nearest words of a word or expression</source>
            <translation>一个词或表达式的最近邻词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="267" />
            <source>Analogy</source>
            <translation>类比</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="267" />
            <source>a is to b as c is to ?</source>
            <translation>a 之于 b 如同 c 之于 ?</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="268" />
            <source>Compare</source>
            <translation>比较</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="268" />
            <source>Similarity, odd one out, heatmap</source>
            <translation>相似度、找出不合群的词、热力图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="269" />
            <source>Antonyms</source>
            <translation>反义词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="270" />
            <source>Are antonyms neighbours? (lecture exercise)</source>
            <translation>反义词是近邻吗？（课堂练习）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="278" />
            <source>PCA: linear, fast, with explained variance. t-SNE and UMAP: non-linear, keep local neighbourhoods. Semantic axes: x and y are directions between words you choose.</source>
            <translation>PCA：线性、快速，并给出解释方差。t-SNE 和 UMAP：非线性，保留局部邻域。语义轴：x 和 y 是你所选词之间的方向。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="286" />
            <source>all words</source>
            <translation>全部词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="287" />
            <source>Map only the most frequent words (all words: the whole vocabulary, no sampling)</source>
            <translation>只投影最常见的词（全部词：整个词表，不抽样）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="292" />
            <source>t-SNE perplexity: about how many neighbours each point keeps (needs at least 3 × perplexity points)</source>
            <translation>t-SNE 困惑度：大致相当于每个点保留的近邻数（至少需要 3 × 困惑度 个点）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="298" />
            <source>UMAP n_neighbors: larger keeps more global structure</source>
            <translation>UMAP n_neighbors：越大保留的全局结构越多</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="304" />
            <source>UMAP min_dist: how tightly points may pack</source>
            <translation>UMAP min_dist：点之间可以挤得多紧</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="306" />
            <source>cosine</source>
            <translation>余弦</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="307" />
            <source>euclidean</source>
            <translation>欧氏距离</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="308" />
            <source>Distance UMAP uses in the vector space</source>
            <translation>UMAP 在向量空间中使用的距离</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="312" />
            <source>One or more words; the axis runs from the mean of the left words to the mean of the right words</source>
            <translation>一个或多个词；轴从左侧各词的均值指向右侧各词的均值</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="314" />
            <source>3D (three components)</source>
            <translation>三维（三个分量）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="319" />
            <source>Compute three components and show a 3D view (drag to rotate, scroll to zoom)</source>
            <translation>计算三个分量并显示三维视图（拖动可旋转，滚轮可缩放）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="323" />
            <source>Compute map</source>
            <translation>计算词图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="324" />
            <source>Compute the map in the background (Ctrl+M)</source>
            <translation>在后台计算词图（Ctrl+M）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="325" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="326" />
            <source>Stop computing; the current map stays</source>
            <translation>停止计算；当前词图保持不变</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="336" />
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="337" />
            <source>Words</source>
            <translation>词数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="338" />
            <source>View</source>
            <translation>视图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="339" />
            <source>Perplexity</source>
            <translation>困惑度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="343" />
            <source>Min. distance</source>
            <translation>最小距离</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="344" />
            <source>Metric</source>
            <translation>距离度量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="345" />
            <source>x from</source>
            <translation>x 起点</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="345" />
            <source>x to</source>
            <translation>x 终点</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="346" />
            <source>y from</source>
            <translation>y 起点</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="346" />
            <source>y to</source>
            <translation>y 终点</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="358" />
            <source>one colour</source>
            <translation>单一颜色</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="358" />
            <source>frequency</source>
            <translation>词频</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="359" />
            <source>k-means clusters</source>
            <translation>k-means 簇</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="360" />
            <source>word lists</source>
            <translation>词表组</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="362" />
            <source>Colour the points</source>
            <translation>为点着色</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="366" />
            <source>Number of k-means clusters (on the vectors, not the map)</source>
            <translation>k-means 的簇数（在词向量上聚类，而不是在词图上）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="369" />
            <source>Word lists as name: word word; name: word …</source>
            <translation>词表组写成 名称: 词 词; 名称: 词 …</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="370" />
            <source>Colour and search</source>
            <translation>着色与搜索</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="372" />
            <source>Colour by</source>
            <translation>着色依据</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="373" />
            <source>Clusters</source>
            <translation>簇数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="374" />
            <source>Word lists</source>
            <translation>词表组</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="376" />
            <source>find a word in the map (Ctrl+F)</source>
            <translation>在词图中查找一个词（Ctrl+F）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="377" />
            <source>Highlight and centre a word</source>
            <translation>高亮一个词并将其居中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="378" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="381" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="382" />
            <source>Save the picture (PNG, SVG) or the coordinates with neighbour lists (CSV)</source>
            <translation>保存图片（PNG、SVG），或坐标及近邻列表（CSV）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="386" />
            <source>Picture as PNG…</source>
            <translation>图片另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="388" />
            <source>Picture as SVG…</source>
            <translation>图片另存为 SVG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="390" />
            <source>Coordinates and neighbours as CSV…</source>
            <translation>坐标和近邻另存为 CSV…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="395" />
            <source>Save the current view and selection, or go back to one</source>
            <translation>保存当前视图和选择，或回到已保存的视图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="505" />
            <source>No vectors yet: train some in the Static training panel or load a vector file.</source>
            <translation>还没有词向量：请在“静态词向量训练”面板中训练，或加载一个词向量文件。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="509" />
            <source>trained vectors</source>
            <translation>训练得到的词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="510" />
            <source>&lt;b&gt;{name}&lt;/b&gt;: {n:,} words × {dim} dimensions</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;：{n:,} 个词 × {dim} 维</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="512" />
            <source>Choose a method and compute a map (Ctrl+M).</source>
            <translation>选择一种方法并计算词图（Ctrl+M）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="523" />
            <source>Load word vectors</source>
            <translation>加载词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="524" />
            <source>Word vectors (*.txt *.vec *.bin *.gz *.bz2 *.xz);;All files (*)</source>
            <translation>词向量文件 (*.txt *.vec *.bin *.gz *.bz2 *.xz);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="593" />
            <source>{n:,} words: about {s:.0f} s on this machine.</source>
            <translation>{n:,} 个词：在本机上约需 {s:.0f} 秒。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="595" />
            <source>{n:,} words: about {m:.0f} min on this machine.</source>
            <translation>{n:,} 个词：在本机上约需 {m:.0f} 分钟。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="603" />
            <source>Load or train vectors first.</source>
            <translation>请先加载或训练词向量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="642" />
            <source>{method} of {n:,} words</source>
            <translation>{n:,} 个词的 {method}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="645" />
            <source>from the cache</source>
            <translation>取自缓存</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="647" />
            <source>computed in {s:.1f} s</source>
            <translation>用时 {s:.1f} 秒</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="651" />
            <source>{map}; explained variance {variance}; {origin}. Scroll to zoom, drag to pan, Shift-drag to select, click a word for its neighbours.</source>
            <translation>{map}；解释方差 {variance}；{origin}。滚轮缩放，拖动平移，按住 Shift 拖动可选择，点击一个词可查看其近邻。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="655" />
            <source>{map}; {origin}. Scroll to zoom, drag to pan, Shift-drag to select, click a word for its neighbours.</source>
            <translation>{map}；{origin}。滚轮缩放，拖动平移，按住 Shift 拖动可选择，点击一个词可查看其近邻。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="667" />
            <source>The map was cancelled; the previous map is still shown.</source>
            <translation>词图计算已取消；仍显示之前的词图。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="698" />
            <source>Not in the map: {words}</source>
            <translation>不在词图中：{words}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="712" />
            <source>'{part}' is not a word list: write name: word word; name: word …</source>
            <translation>“{part}”不是词表组：请写成 名称: 词 词; 名称: 词 …</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="731" />
            <source>'{word}' is not in the map.</source>
            <translation>“{word}”不在词图中。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="780" />
            <source>Compute the map again (Ctrl+M) for three components.</source>
            <translation>请重新计算词图（Ctrl+M）以得到三个分量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="808" />
            <location filename="../workbench/ui/panels/explore_panel.py" line="823" />
            <location filename="../workbench/ui/panels/explore_panel.py" line="989" />
            <source>Compute a map first.</source>
            <translation>请先计算词图。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="810" />
            <source>Export the map</source>
            <translation>导出词图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="825" />
            <source>Export coordinates</source>
            <translation>导出坐标</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="847" />
            <source>Wrote {n:,} rows to {path}.</source>
            <translation>已将 {n:,} 行写入 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="852" />
            <source>Bookmark this view…</source>
            <translation>将此视图加入书签…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="858" />
            <source>Go back to the view and selection '{name}'</source>
            <translation>回到视图和选择“{name}”</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="861" />
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="862" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="901" />
            <source>There is already a bookmark called '{name}'.</source>
            <translation>已经有名为“{name}”的书签。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="950" />
            <source>Bookmark '{name}': {error}</source>
            <translation>书签“{name}”：{error}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="972" />
            <source>The bookmarks could not be saved in {path} ({reason}); they last until you close the app.</source>
            <translation>无法将书签保存到 {path}（{reason}）；它们只保留到关闭本程序为止。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="992" />
            <source>Bookmark</source>
            <translation>书签</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="992" />
            <source>Name of this view:</source>
            <translation>此视图的名称：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="993" />
            <source>View {n}</source>
            <translation>视图 {n}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="998" />
            <source>Rename bookmark</source>
            <translation>重命名书签</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="998" />
            <source>New name:</source>
            <translation>新名称：</translation>
        </message>
    </context>
    <context>
        <name>ExploreUmapControls</name>
        <message>
            <location filename="../workbench/ui/panels/explore_panel.py" line="341" />
            <source>Neighbours</source>
            <translation>近邻数</translation>
        </message>
    </context>
    <context>
        <name>FillMaskView</name>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="52" />
            <source>Predicting the masked tokens…</source>
            <translation>正在预测被掩码的词元…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="94" />
            <source>Fill-mask</source>
            <translation>掩码填充</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="107" />
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="194" />
            <source>How many predictions per mask</source>
            <translation>每个掩码给出多少个预测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="108" />
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="145" />
            <source>Per layer (logit lens)</source>
            <translation>逐层（logit lens）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="109" />
            <source>Also predict from every layer's hidden state through the MLM head: where in the network does the answer appear?</source>
            <translation>同时用 MLM 头对每一层的隐藏状态做预测：答案在网络的哪一层出现？</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="113" />
            <source>The mask whose per-layer predictions are shown</source>
            <translation>显示其逐层预测的掩码</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="121" />
            <source>The input's tokens: click one to mask it (click again to unmask); the predictions follow</source>
            <translation>输入的词元：点击某个词元将其掩码（再次点击取消掩码）；预测随之更新</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="124" />
            <source>mask</source>
            <translation>掩码</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="124" />
            <source>rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="124" />
            <source>token</source>
            <translation>词元</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="125" />
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="129" />
            <source>probability</source>
            <translation>概率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="128" />
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="128" />
            <source>top-1</source>
            <translation>第 1 名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="129" />
            <source>top-k</source>
            <translation>前 k 名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="131" />
            <source>The MLM head applied to each layer's hidden state (embeddings = the input layer); the last row is the model's prediction</source>
            <translation>将 MLM 头应用于每一层的隐藏状态（embeddings = 输入层）；最后一行是模型的预测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="136" />
            <source>Top k</source>
            <translation>前 k 个</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="139" />
            <source>Mask</source>
            <translation>掩码</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="180" />
            <source>Open a model folder first.</source>
            <translation>请先打开一个模型文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="185" />
            <source>This model cannot fill masks (no masked-language-model head).</source>
            <translation>此模型无法填充掩码（没有掩码语言模型头）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="188" />
            <source>Type {mask} (or [MASK]) in the text and press Run, or press Run and click tokens below to mask them.</source>
            <translation>在文本中输入 {mask}（或 [MASK]）后点击“运行”，或先点击“运行”，再点击下方的词元将其掩码。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="195" />
            <source>Also predict from every layer's hidden state through the MLM head</source>
            <translation>同时用 MLM 头对每一层的隐藏状态做预测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="197" />
            <source>The input's tokens: click one to mask it</source>
            <translation>输入的词元：点击某个词元将其掩码</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="208" />
            <source>The model in {folder} has no masked-language-model head.</source>
            <translation>{folder} 中的模型没有掩码语言模型头。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="245" />
            <source>A special token cannot be masked</source>
            <translation>特殊词元不能被掩码</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="247" />
            <source>Click to unmask</source>
            <translation>点击取消掩码</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="248" />
            <source>Click to mask this token</source>
            <translation>点击掩码此词元</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="266" />
            <source>Fill-mask reads one text; sentence B is not used.</source>
            <translation>掩码填充只读取一段文本；不使用句子 B。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="269" />
            <source>No mask yet: type {mask} in the text, or click tokens below to mask them.</source>
            <translation>还没有掩码：请在文本中输入 {mask}，或点击下方的词元将其掩码。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="278" />
            <source>Predicting…</source>
            <translation>正在预测…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="317" />
            <source>{number}: position {position} (was {original})</source>
            <translation>{number}：位置 {position}（原为 {original}）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="320" />
            <source>{number}: position {position}</source>
            <translation>{number}：位置 {position}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="333" />
            <source>{number} (position {position})</source>
            <translation>{number}（位置 {position}）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="341" />
            <source>{n} mask(s). Most probable: {best}.</source>
            <translation>{n} 个掩码。最可能的预测：{best}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="356" />
            <source>embeddings</source>
            <translation>嵌入层</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/fill_mask_view.py" line="356" />
            <source>layer {i}</source>
            <translation>第 {i} 层</translation>
        </message>
    </context>
    <context>
        <name>FinetunePage</name>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="89" />
            <source>Sequence classification</source>
            <extracomment>``kind`` of pretraining runs (the same as ``workbench.core.bert.pretrain.RUN_KIND``, repeated here so that building the panel imports no BERT core module). (label, task) of the fine-tuning task combo (labels in English; translated when shown, in the ``FinetunePage`` context).</extracomment>
            <translation>序列分类</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="90" />
            <source>Sentence pair classification</source>
            <translation>句对分类</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="91" />
            <source>Token tagging (CoNLL)</source>
            <translation>词元标注（CoNLL）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="92" />
            <source>Extractive question answering (SQuAD)</source>
            <translation>抽取式问答（SQuAD）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="97" />
            <source>Accuracy</source>
            <extracomment>Metrics shown in the fine-tuning results table, in this order (labels translated when shown, in the ``FinetunePage`` context).</extracomment>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="98" />
            <source>Macro-F1</source>
            <translation>宏平均 F1</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="99" />
            <source>Entity F1</source>
            <translation>实体 F1</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="100" />
            <source>Entity precision</source>
            <translation>实体精确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="101" />
            <source>Entity recall</source>
            <translation>实体召回率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="102" />
            <source>Word accuracy</source>
            <translation>词准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="103" />
            <source>Exact match</source>
            <translation>完全匹配</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="104" />
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="105" />
            <source>Training loss</source>
            <translation>训练损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="106" />
            <source>Training examples</source>
            <translation>训练样本数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="107" />
            <source>Evaluation examples</source>
            <translation>评测样本数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="108" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="109" />
            <source>Seconds</source>
            <translation>秒数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1402" />
            <source>BERT fine-tuning</source>
            <translation>BERT 微调</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1407" />
            <source>Reading the training file</source>
            <translation>读取训练文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1417" />
            <source>Classification: TSV/CSV text + label (SST-2); sentence pairs: two texts + label (MRPC, RTE); tagging: CoNLL word … tag; QA: SQuAD JSON</source>
            <translation>分类：TSV/CSV 文本 + 标签（SST-2）；句对：两段文本 + 标签（MRPC、RTE）；标注：CoNLL 词 … 标签；问答：SQuAD JSON</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1420" />
            <source>training file</source>
            <translation>训练文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1421" />
            <source>The labelled training file</source>
            <translation>有标注的训练文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1423" />
            <source>optional: held out from training</source>
            <translation>可选：从训练数据中留出</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1424" />
            <source>Evaluation file; empty = hold out 10 % of the training examples</source>
            <translation>评测文件；留空 = 留出 10 % 的训练样本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1427" />
            <source>pretrained model folder</source>
            <translation>预训练模型文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1428" />
            <source>A BERT folder with its tokenizer (default: the last pretraining run's final model)</source>
            <translation>含分词器的 BERT 文件夹（默认：最近一次预训练运行的最终模型）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1433" />
            <source>The column with the texts (auto: recognised from the header, e.g. SST-2's 'sentence')</source>
            <translation>文本所在的列（自动：根据表头识别，如 SST-2 的 'sentence'）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1436" />
            <source>The column with the second texts of the pairs (auto: e.g. RTE's 'sentence2')</source>
            <translation>句对中第二段文本所在的列（自动：如 RTE 的 'sentence2'）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1438" />
            <source>The column with the labels (auto: 'label', 'class', …)</source>
            <translation>标签所在的列（自动：'label'、'class' 等）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1442" />
            <source>What the training file holds (read with the limit below): the labels, the examples, the columns used</source>
            <translation>训练文件的内容（按下方的数量上限读取）：标签、样本数、所用的列</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1445" />
            <source>Tokens per example (per window for QA)</source>
            <translation>每个样本的词元数（问答任务为每个窗口）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1447" />
            <source>QA: context tokens shared by two consecutive windows of a long context</source>
            <translation>问答：长上下文中相邻两个窗口共享的上下文词元数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1449" />
            <source>Passes over the training data</source>
            <translation>遍历训练数据的轮数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1450" />
            <source>Examples per step</source>
            <translation>每步的样本数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1453" />
            <source>Use only the first N examples of each file ('all' = every example)</source>
            <translation>每个文件只使用前 N 个样本（“全部” = 所有样本）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1453" />
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1455" />
            <source>Evaluate every N steps for the accuracy curve ('off' = only the final evaluation)</source>
            <translation>每 N 步评测一次以绘制准确率曲线（“关闭” = 只做最终评测）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1456" />
            <location filename="../workbench/ui/panels/bert_panel.py" line="1459" />
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1458" />
            <source>Stop after this many evaluations without a lower evaluation loss (needs 'Evaluate every')</source>
            <translation>连续这么多次评测损失没有降低就停止（需要设置“评测间隔”）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1460" />
            <source>Seed of the hold-out split and the new head</source>
            <translation>留出划分和新输出头的随机种子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1461" />
            <source>Fine-tuning</source>
            <translation>微调</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1463" />
            <source>Task:</source>
            <translation>任务：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1464" />
            <source>Training file:</source>
            <translation>训练文件：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1465" />
            <source>Text column:</source>
            <translation>文本列：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1466" />
            <source>Second text:</source>
            <translation>第二文本列：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1467" />
            <source>Label column:</source>
            <translation>标签列：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1469" />
            <source>Evaluation file:</source>
            <translation>评测文件：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1470" />
            <source>Model folder:</source>
            <translation>模型文件夹：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1471" />
            <source>Max length:</source>
            <translation>最大长度：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1472" />
            <source>Doc stride:</source>
            <translation>文档步幅：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1473" />
            <source>Epochs:</source>
            <translation>轮数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1474" />
            <source>Batch size:</source>
            <translation>批大小：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1475" />
            <source>Learning rate:</source>
            <translation>学习率：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1476" />
            <source>Warm-up ratio:</source>
            <translation>预热比例：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1477" />
            <source>Weight decay:</source>
            <translation>权重衰减：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1478" />
            <source>Limit:</source>
            <translation>数量上限：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1479" />
            <source>Evaluate every:</source>
            <translation>评测间隔：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1480" />
            <source>Early stopping:</source>
            <translation>提前停止：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1481" />
            <source>Device:</source>
            <translation>设备：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1482" />
            <source>Precision:</source>
            <translation>精度：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1483" />
            <source>Seed:</source>
            <translation>种子：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1485" />
            <source>Fine-tune, evaluate and save (Ctrl+Enter)</source>
            <translation>微调、评测并保存（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1486" />
            <source>Stop; a checkpoint is saved first (Esc)</source>
            <translation>停止；先保存一个检查点（Esc）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1494" />
            <source>Metric</source>
            <translation>指标</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1494" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1498" />
            <source>Scores on the evaluation set (fractions)</source>
            <translation>评测集上的得分（小数）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1500" />
            <source>Confusion matrix: rows = gold label, columns = predicted</source>
            <translation>混淆矩阵：行 = 真实标签，列 = 预测标签</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1507" />
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1507" />
            <source>Gold</source>
            <translation>真实</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1507" />
            <source>Predicted</source>
            <translation>预测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1507" />
            <source>Confidence</source>
            <translation>置信度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1514" />
            <source>Evaluation examples the model got wrong, most confident first (click a header to sort)</source>
            <translation>模型预测错误的评测样本，置信度最高的在前（点击表头可排序）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1517" />
            <source>Curves</source>
            <translation>曲线</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1518" />
            <source>Results</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1519" />
            <source>Wrong predictions</source>
            <translation>错误预测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1523" />
            <location filename="../workbench/ui/panels/bert_panel.py" line="1595" />
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1580" />
            <source>Reading the file…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1615" />
            <source>The file could not be read.</source>
            <translation>无法读取该文件。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1664" />
            <source>Reading the files…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1674" />
            <source>Data file</source>
            <translation>数据文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1675" />
            <source>Data (*.tsv *.csv *.txt *.conll *.json);;All files (*)</source>
            <translation>数据文件 (*.tsv *.csv *.txt *.conll *.json);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1682" />
            <source>Pretrained model folder</source>
            <translation>预训练模型文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1720" />
            <source>Run #{run}: {scores}. Model saved in {folder}.</source>
            <translation>运行 #{run}：{scores}。模型已保存到 {folder}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1722" />
            <source>Done.</source>
            <translation>完成。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1730" />
            <source>Cancelled; the checkpoint is kept in {checkpoint}.</source>
            <translation>已取消；检查点保存在 {checkpoint}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1733" />
            <source>Cancelled; nothing was kept.</source>
            <translation>已取消；没有保留任何内容。</translation>
        </message>
    </context>
    <context>
        <name>InspectPanel</name>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="62" />
            <location filename="../workbench/ui/panels/inspect_panel.py" line="328" />
            <source>Loading {name}…</source>
            <extracomment>Run kinds whose outputs hold a final model folder, and the output's key.</extracomment>
            <translation>正在加载 {name}…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="70" />
            <source>&lt;b&gt;{name}&lt;/b&gt;: {type}, {layers} layers × {heads} heads, hidden {hidden}, max {max} tokens, MLM head: yes ({device})</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;：{type}，{layers} 层 × {heads} 个头，隐藏层维度 {hidden}，最多 {max} 个词元，MLM 头：有（{device}）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="74" />
            <source>&lt;b&gt;{name}&lt;/b&gt;: {type}, {layers} layers × {heads} heads, hidden {hidden}, max {max} tokens, MLM head: no ({device})</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;：{type}，{layers} 层 × {heads} 个头，隐藏层维度 {hidden}，最多 {max} 个词元，MLM 头：无（{device}）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="100" />
            <source>run {id} (pretraining): {name}</source>
            <translation>运行 {id}（预训练）：{name}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="103" />
            <source>run {id} (fine-tuning): {name}</source>
            <translation>运行 {id}（微调）：{name}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="146" />
            <source>Load model</source>
            <translation>加载模型</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="155" />
            <source>Open model folder…</source>
            <translation>打开模型文件夹…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="156" />
            <source>Open a local BERT, RoBERTa, DistilBERT or MiniLM folder (config.json, weights and tokenizer)</source>
            <translation>打开本地的 BERT、RoBERTa、DistilBERT 或 MiniLM 文件夹（config.json、权重和分词器）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="162" />
            <source>Recently opened models and the final models of this workspace's pretraining and fine-tuning runs</source>
            <translation>最近打开的模型，以及此工作区中预训练和微调运行得到的最终模型</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="164" />
            <location filename="../workbench/ui/panels/inspect_panel.py" line="296" />
            <source>Recent and trained models…</source>
            <translation>最近的和已训练的模型…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="165" />
            <location filename="../workbench/ui/panels/inspect_panel.py" line="336" />
            <location filename="../workbench/ui/panels/inspect_panel.py" line="355" />
            <source>No model loaded.</source>
            <translation>未加载模型。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="174" />
            <source>Type a text (use [MASK] for fill-mask); Ctrl+Return runs the view shown</source>
            <translation>输入文本（掩码填充请使用 [MASK]）；Ctrl+Return 运行当前视图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="179" />
            <source>sentence B (optional): makes a sentence pair</source>
            <translation>句子 B（可选）：组成句对</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="181" />
            <source>A second sentence: the input becomes the pair [CLS] A [SEP] B [SEP] (segments A and B)</source>
            <translation>第二个句子：输入变为句对 [CLS] A [SEP] B [SEP]（片段 A 和 B）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="183" />
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="184" />
            <source>Run the view shown on the text (Ctrl+Return)</source>
            <translation>在文本上运行当前视图（Ctrl+Return）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="198" />
            <source>Attention</source>
            <translation>注意力</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="199" />
            <source>Layers × heads grid, heatmaps, head view</source>
            <translation>层 × 头网格、热力图、头视图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="200" />
            <source>Input anatomy</source>
            <translation>输入剖析</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="201" />
            <source>Token + position + segment embeddings</source>
            <translation>词元 + 位置 + 片段嵌入</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="202" />
            <source>Fill-mask</source>
            <translation>掩码填充</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="203" />
            <source>Predict masked tokens (logit lens per layer)</source>
            <translation>预测被掩码的词元（逐层 logit lens）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="297" />
            <source>No known models yet</source>
            <translation>尚无已知模型</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="364" />
            <source>Open a BERT-family model folder</source>
            <translation>打开 BERT 系列模型文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/inspect_panel.py" line="396" />
            <source>Open a model folder first (Open model folder…).</source>
            <translation>请先打开一个模型文件夹（打开模型文件夹…）。</translation>
        </message>
    </context>
    <context>
        <name>InspectView</name>
        <message>
            <location filename="../workbench/ui/widgets/inspect_base.py" line="62" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
    </context>
    <context>
        <name>JobStatusWidget</name>
        <message>
            <location filename="../workbench/ui/tasks.py" line="388" />
            <source>What the background job is doing</source>
            <extracomment>Minimum seconds between two progress signals of one job (~25 Hz).</extracomment>
            <translation>后台任务正在做什么</translation>
        </message>
        <message>
            <location filename="../workbench/ui/tasks.py" line="394" />
            <source>Progress of the background job</source>
            <translation>后台任务的进度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/tasks.py" line="396" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../workbench/ui/tasks.py" line="397" />
            <source>Stop the background job (nothing already saved is lost)</source>
            <translation>停止后台任务（已保存的内容不会丢失）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/tasks.py" line="416" />
            <source>Working</source>
            <translation>正在处理</translation>
        </message>
        <message>
            <location filename="../workbench/ui/tasks.py" line="418" />
            <source>{name}: cancelling…</source>
            <translation>{name}：正在取消…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/tasks.py" line="420" />
            <source>{name}: {message}</source>
            <translation>{name}：{message}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/tasks.py" line="422" />
            <source>{name}…</source>
            <translation>{name}…</translation>
        </message>
    </context>
    <context>
        <name>LengthHistogramPlot</name>
        <message>
            <location filename="../workbench/ui/plots/length_histogram.py" line="27" />
            <source>Sentence length (tokens)</source>
            <translation>句子长度（词元数）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/length_histogram.py" line="28" />
            <source>Sentences</source>
            <translation>句子数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/length_histogram.py" line="29" />
            <source>Sentence lengths</source>
            <translation>句子长度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/length_histogram.py" line="38" />
            <source>How many sentences have each length in tokens. The last bin holds all sentences of 1,000 tokens or more.</source>
            <translation>每种长度（以词元计）的句子各有多少。最后一个区间包含所有 1,000 个词元及以上的句子。</translation>
        </message>
    </context>
    <context>
        <name>LossPlot</name>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="53" />
            <source>Epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="54" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="55" />
            <source>Training loss</source>
            <translation>训练损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="60" />
            <source>within epoch</source>
            <translation>轮内</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="63" />
            <source>epoch mean</source>
            <translation>每轮平均</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="69" />
            <source>Loss per trained example: light line within epochs, dots per epoch. Drag to pan, wheel to zoom.</source>
            <translation>每个训练样本的损失：浅色线为轮内损失，圆点为每轮损失。拖动以平移，滚轮缩放。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../workbench/ui/main_window.py" line="123" />
            <source>Welcome</source>
            <extracomment>The tabs, in order; ``show_panel(name)`` and View ▸ use these names.</extracomment>
            <translation>欢迎</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="124" />
            <source>Three clicks from a corpus to a trained word2vec, its map and an analogy</source>
            <translation>点击三次：从语料库到训练好的 word2vec、它的词图和一个类比</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="125" />
            <source>Corpus</source>
            <translation>语料库</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="126" />
            <source>Open a corpus and look at its statistics</source>
            <translation>打开语料库并查看其统计信息</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="127" />
            <source>Static training</source>
            <translation>静态词向量训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="128" />
            <source>Train word2vec, fastText or GloVe</source>
            <translation>训练 word2vec、fastText 或 GloVe</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="129" />
            <source>BERT</source>
            <translation>BERT</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="129" />
            <source>Pretrain and fine-tune BERT models</source>
            <translation>预训练和微调 BERT 模型</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="130" />
            <source>Explore</source>
            <translation>探索</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="130" />
            <source>Neighbours, analogies, word maps</source>
            <translation>近邻、类比、词图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="131" />
            <source>Inspect</source>
            <translation>检视</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="132" />
            <source>Attention, input anatomy, fill-mask of a BERT model</source>
            <translation>BERT 模型的注意力、输入剖析和掩码填空</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="152" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="171" />
            <source>Senses</source>
            <translation>词义</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="172" />
            <source>Occurrences of a word, clustered into senses, beside its static vector</source>
            <translation>一个词的各次出现聚类成不同词义，并与它的静态词向量并列显示</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="174" />
            <source>Word in context</source>
            <translation>上下文中的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="175" />
            <source>The same word in two sentences: similarity per layer</source>
            <translation>同一个词在两个句子中：每层的相似度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="176" />
            <source>Contextuality</source>
            <translation>上下文相关性</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="177" />
            <source>How contextual each layer is (Ethayarajh 2019)</source>
            <translation>每一层的上下文相关程度（Ethayarajh 2019）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="234" />
            <source>The new language is used from the next start.</source>
            <translation>新语言将在下次启动时生效。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="252" />
            <source>{reason} Statistics are computed but not cached.</source>
            <translation>{reason} 统计信息会计算，但不会缓存。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="290" />
            <source>Workspace: {folder}</source>
            <translation>工作区：{folder}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="300" />
            <source>Choose the workspace folder (runs, caches, models)</source>
            <translation>选择工作区文件夹（运行记录、缓存、模型）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="320" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="322" />
            <source>&amp;Open corpus file…</source>
            <translation>打开语料库文件(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="324" />
            <source>Open a corpus file and compute its statistics</source>
            <translation>打开语料库文件并计算其统计信息</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="326" />
            <source>Open corpus &amp;folder…</source>
            <translation>打开语料库文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="327" />
            <source>Open a folder of corpus files and compute its statistics</source>
            <translation>打开存放语料库文件的文件夹并计算其统计信息</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="328" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="331" />
            <source>&amp;Clear list</source>
            <translation>清空列表(&amp;C)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="332" />
            <source>Forget the recently opened corpora</source>
            <translation>清除最近打开的语料库记录</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="335" />
            <source>&amp;Workspace folder…</source>
            <translation>工作区文件夹(&amp;W)…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="337" />
            <source>Choose where runs, caches and trained models are kept</source>
            <translation>选择保存运行记录、缓存和已训练模型的位置</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="339" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="340" />
            <source>Workspace folder, device, threads, theme and language</source>
            <translation>工作区文件夹、设备、线程数、主题和语言</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="343" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="344" />
            <source>Cancel running jobs and quit</source>
            <translation>取消正在运行的任务并退出</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="348" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="354" />
            <source>Show the {panel} panel</source>
            <translation>显示“{panel}”面板</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="361" />
            <source>&amp;Reset layout</source>
            <translation>重置布局(&amp;R)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="363" />
            <source>Restore the default window size and panel layout</source>
            <translation>恢复默认的窗口大小和面板布局</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="366" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="367" />
            <source>&amp;About Embedding Workbench</source>
            <translation>关于 Embedding Workbench(&amp;A)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="368" />
            <source>Version, licence and library versions</source>
            <translation>版本、许可证和库的版本</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="480" />
            <source>About Embedding Workbench</source>
            <translation>关于 Embedding Workbench</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="485" />
            <source>&lt;p&gt;Train, inspect and compare word embeddings and BERT models.&lt;/p&gt;</source>
            <translation>&lt;p&gt;训练、检视和比较词向量与 BERT 模型。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="486" />
            <source>&lt;p&gt;Licence: MIT. The bundled inaugural-address corpus is in the public domain.&lt;/p&gt;</source>
            <translation>&lt;p&gt;许可证：MIT。随附的就职演说语料库属于公有领域。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="506" />
            <source>{corpus}: {tokens:,} tokens, {types:,} types</source>
            <translation>{corpus}：{tokens:,} 个词元，{types:,} 个词型</translation>
        </message>
        <message>
            <location filename="../workbench/ui/main_window.py" line="534" />
            <source>Opened {name}; drop one file or a folder at a time ({n} other item(s) ignored).</source>
            <translation>已打开 {name}；请一次只拖放一个文件或文件夹（其余 {n} 项已忽略）。</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../workbench/ui/notifications.py" line="54" />
            <source>Error</source>
            <extracomment>level -&gt; (background, border, text colour, badge; the badge is translated when shown).</extracomment>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../workbench/ui/notifications.py" line="55" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../workbench/ui/notifications.py" line="56" />
            <source>Note</source>
            <translation>提示</translation>
        </message>
        <message>
            <location filename="../workbench/ui/notifications.py" line="88" />
            <source>Dismiss this message</source>
            <translation>关闭此消息</translation>
        </message>
    </context>
    <context>
        <name>NeighboursView</name>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="112" />
            <source>Compute a map to compare with the neighbours in the map.</source>
            <translation>计算词图后，可与词图中的近邻比较。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="115" />
            <source>An expression has no point in the map.</source>
            <translation>表达式在词图中没有对应的点。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="121" />
            <source>'{word}' is not in the current map.</source>
            <translation>“{word}”不在当前词图中。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="126" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="130" />
            <source>{shared} of the {n} nearest points in the map are also among the {k} nearest in the space.</source>
            <translation>词图中最近的 {n} 个点里，有 {shared} 个也在向量空间中最近的 {k} 个词之中。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="148" />
            <source>Neighbours</source>
            <translation>近邻</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="152" />
            <source>a word, or an expression like king - man + woman</source>
            <translation>一个词，或 king - man + woman 这样的表达式</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="153" />
            <source>A word, or a sum of words with + and - and optional weights (2*paris - france). Press Enter to search.</source>
            <translation>一个词，或用 + 和 - 组合的词（可带权重，如 2*paris - france）。按 Enter 搜索。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="156" />
            <source>How many neighbours to list</source>
            <translation>列出多少个近邻</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="159" />
            <location filename="../workbench/ui/widgets/explore_tools.py" line="226" />
            <source>cosine</source>
            <translation>余弦</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="160" />
            <source>Euclidean</source>
            <translation>欧氏距离</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="161" />
            <source>Cosine similarity (higher is closer) or Euclidean distance (lower is closer)</source>
            <translation>余弦相似度（越高越近）或欧氏距离（越低越近）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="163" />
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="164" />
            <source>Find the nearest neighbours (Enter)</source>
            <translation>查找最近邻（Enter）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="174" />
            <location filename="../workbench/ui/widgets/explore_tools.py" line="180" />
            <source>rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="174" />
            <location filename="../workbench/ui/widgets/explore_tools.py" line="180" />
            <source>word</source>
            <translation>词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="174" />
            <source>score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="176" />
            <source>Neighbours in the original vector space. Click a word to find it in the map; double-click to search it.</source>
            <translation>原始向量空间中的近邻。单击一个词可在词图中找到它；双击可搜索它的近邻。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="180" />
            <source>map distance</source>
            <translation>词图距离</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="180" />
            <source>also in space</source>
            <translation>也在向量空间中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="182" />
            <source>Nearest points in the current 2D/3D map: how much the projection moves neighbourhoods around</source>
            <translation>当前二维/三维词图中最近的点：投影在多大程度上改变了邻域</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="186" />
            <source>In the vector space</source>
            <translation>在向量空间中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="188" />
            <source>In the map</source>
            <translation>在词图中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="216" />
            <source>Type a word or an expression such as king - man + woman.</source>
            <translation>请输入一个词或表达式，例如 king - man + woman。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="228" />
            <source>distance</source>
            <translation>距离</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="231" />
            <source>Excluded the query's own words: {words}.</source>
            <translation>已排除查询本身的词：{words}。</translation>
        </message>
    </context>
    <context>
        <name>PretrainPage</name>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="738" />
            <source>BERT pretraining</source>
            <extracomment>The devices PyTorch has here (``("cpu", "cuda")``...), once checked.</extracomment>
            <translation>BERT 预训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="750" />
            <source>Device check</source>
            <translation>设备检测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="765" />
            <source>Pretraining reads the corpus open in the Corpus panel; documents are blank-line separated blocks</source>
            <translation>预训练读取“语料库”面板中打开的语料库；文档是以空行分隔的文本块</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="770" />
            <source>Train WordPiece on the corpus</source>
            <translation>在语料库上训练 WordPiece</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="771" />
            <source>Use a tokenizer folder…</source>
            <translation>使用分词器文件夹…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="772" />
            <source>Train a WordPiece tokenizer on the corpus (cached in the workspace), or use an existing one</source>
            <translation>在语料库上训练 WordPiece 分词器（缓存在工作区中），或使用已有的分词器</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="774" />
            <source>WordPiece vocabulary size (special tokens included)</source>
            <translation>WordPiece 词表大小（含特殊词元）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="776" />
            <source>Lowercase</source>
            <translation>转为小写</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="778" />
            <source>Lowercase and strip accents before WordPiece</source>
            <translation>在 WordPiece 之前转为小写并去除重音符号</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="780" />
            <source>tokenizer folder</source>
            <translation>分词器文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="780" />
            <source>A folder with tokenizer.json or vocab.txt</source>
            <translation>包含 tokenizer.json 或 vocab.txt 的文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="783" />
            <source>Tokenizer</source>
            <translation>分词器</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="786" />
            <source>Vocabulary:</source>
            <translation>词表：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="788" />
            <location filename="../workbench/ui/panels/bert_panel.py" line="825" />
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="795" />
            <source>custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="796" />
            <source>continue from a model folder…</source>
            <translation>从模型文件夹继续…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="797" />
            <source>Model size: tiny 2×128, mini 4×256, small 4×512, medium 8×512, base 12×768, large 24×1024 (layers × hidden), a custom shape, or continue pretraining a saved model</source>
            <translation>模型规模：tiny 2×128、mini 4×256、small 4×512、medium 8×512、base 12×768、large 24×1024（层数 × 隐藏维度），自定义结构，或继续预训练已保存的模型</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="801" />
            <source>Transformer layers</source>
            <translation>Transformer 层数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="803" />
            <source>Hidden size (a multiple of the heads)</source>
            <translation>隐藏维度（须为注意力头数的整数倍）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="804" />
            <source>Attention heads per layer</source>
            <translation>每层的注意力头数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="806" />
            <source>Feed-forward width per layer</source>
            <translation>每层前馈网络的宽度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="808" />
            <source>model folder</source>
            <translation>模型文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="809" />
            <source>A saved BERT folder (config.json + weights) to continue from</source>
            <translation>要从其继续的已保存 BERT 文件夹（config.json + 权重）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="816" />
            <source>Exact parameter count and an estimate of the memory training needs (weights, gradients, AdamW, activations)</source>
            <translation>精确的参数量以及训练所需内存的估计（权重、梯度、AdamW、激活值）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="818" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="820" />
            <source>Size:</source>
            <translation>规模：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="821" />
            <source>Layers:</source>
            <translation>层数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="822" />
            <source>Hidden:</source>
            <translation>隐藏维度：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="823" />
            <source>Heads:</source>
            <translation>注意力头数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="824" />
            <source>Intermediate:</source>
            <translation>前馈宽度：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="831" />
            <source>Share of tokens selected for prediction (BERT: 0.15)</source>
            <translation>被选中用于预测的词元比例（BERT：0.15）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="833" />
            <source>Share of the selected tokens replaced by [MASK] (BERT: 0.8)</source>
            <translation>被选中词元中替换为 [MASK] 的比例（BERT：0.8）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="835" />
            <source>Share of the selected tokens replaced by a random token (BERT: 0.1); the rest keep their token</source>
            <translation>被选中词元中替换为随机词元的比例（BERT：0.1）；其余保持原词元</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="837" />
            <source>Next-sentence prediction</source>
            <translation>下一句预测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="840" />
            <source>Also train BERT's next-sentence objective (sentence pairs, half with a random partner)</source>
            <translation>同时训练 BERT 的下一句预测目标（句对，其中一半与随机句子配对）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="842" />
            <source>Split lines into sentences</source>
            <translation>将行切分为句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="844" />
            <source>Split lines at . ! ? (for one-paragraph-per-line corpora such as WikiText)</source>
            <translation>在 . ! ? 处切分行（适用于每行一段的语料库，如 WikiText）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="845" />
            <source>Objective</source>
            <translation>训练目标</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="847" />
            <source>Mask ratio:</source>
            <translation>掩码比例：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="848" />
            <source>[MASK] share:</source>
            <translation>[MASK] 比例：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="849" />
            <source>Random share:</source>
            <translation>随机替换比例：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="854" />
            <source>Longest example in tokens</source>
            <translation>样本的最大长度（词元数）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="855" />
            <source>Examples per forward pass</source>
            <translation>每次前向传播的样本数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="857" />
            <source>Forward passes per optimizer step (effective batch = batch × accumulation)</source>
            <translation>每个优化器步的前向传播次数（有效批大小 = 批大小 × 累积次数）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="860" />
            <source>Optimizer steps to run; 'epochs' = use the number of epochs below</source>
            <translation>要运行的优化器步数；“按轮数” = 使用下方的轮数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="860" />
            <source>epochs</source>
            <translation>按轮数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="862" />
            <source>Passes over the data (when max steps is 'epochs')</source>
            <translation>遍历数据的轮数（最大步数为“按轮数”时）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="864" />
            <source>Evaluate on the held-out slice every N steps; 'at the end' = once</source>
            <translation>每 N 步在留出数据上评测一次；“结束时” = 只评测一次</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="865" />
            <source>at the end</source>
            <translation>结束时</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="867" />
            <source>Write a checkpoint every N steps ('off': only on cancel and at the end)</source>
            <translation>每 N 步写入一个检查点（“关闭”：只在取消和结束时写入）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="868" />
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="869" />
            <source>Seed of the data, the initialisation and the masks</source>
            <translation>数据、初始化和掩码的随机种子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="870" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="872" />
            <source>Sequence length:</source>
            <translation>序列长度：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="873" />
            <source>Batch size:</source>
            <translation>批大小：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="874" />
            <source>Accumulation:</source>
            <translation>梯度累积：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="875" />
            <source>Learning rate:</source>
            <translation>学习率：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="876" />
            <source>Warm-up ratio:</source>
            <translation>预热比例：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="877" />
            <source>Weight decay:</source>
            <translation>权重衰减：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="878" />
            <source>Max steps:</source>
            <translation>最大步数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="879" />
            <source>Epochs:</source>
            <translation>轮数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="880" />
            <source>Evaluate every:</source>
            <translation>评测间隔：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="881" />
            <source>Save every:</source>
            <translation>保存间隔：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="882" />
            <source>Device:</source>
            <translation>设备：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="883" />
            <source>Precision:</source>
            <translation>精度：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="884" />
            <source>Seed:</source>
            <translation>种子：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="887" />
            <source>Initialise word embeddings from the current static vectors</source>
            <translation>用当前的静态词向量初始化词嵌入</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="890" />
            <source>Keep the initialised word embeddings fixed for this many steps</source>
            <translation>在这么多步内保持初始化的词嵌入不变</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="891" />
            <source>no freezing</source>
            <translation>不冻结</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="892" />
            <source>Static initialisation</source>
            <translation>静态词向量初始化</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="895" />
            <source>Freeze for:</source>
            <translation>冻结步数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="899" />
            <source>Pretrain on the Corpus panel's corpus (Ctrl+Enter)</source>
            <translation>在“语料库”面板的语料库上预训练（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="900" />
            <source>Stop; a resumable checkpoint is saved first (Esc)</source>
            <translation>停止；先保存一个可恢复的检查点（Esc）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="901" />
            <source>Export config…</source>
            <translation>导出配置…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="903" />
            <source>Save these settings as a JSON config for 'workbench bert pretrain --config FILE' (or torchrun)</source>
            <translation>将这些设置保存为 JSON 配置，供 'workbench bert pretrain --config FILE'（或 torchrun）使用</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="906" />
            <source>Processes (GPUs) for the torchrun command</source>
            <translation>torchrun 命令的进程数（GPU 数）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="909" />
            <source>Runs the exported config on several GPUs</source>
            <translation>在多个 GPU 上运行导出的配置</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="911" />
            <source>Mask ratios for the sweep (commas between); every run uses the same data and seed and is evaluated with the same 15 % masks, so their curves compare</source>
            <translation>扫描的掩码比例（以逗号分隔）；每次运行使用相同的数据和随机种子，并用相同的 15 % 掩码评测，因此曲线可以相互比较</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="914" />
            <source>Sweep mask ratio</source>
            <translation>扫描掩码比例</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="916" />
            <source>Pretrain once per mask ratio with these settings; the runs are checked in Compare runs</source>
            <translation>按这些设置对每个掩码比例各预训练一次；这些运行会在“比较运行”中被勾选</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="923" />
            <source>GPUs:</source>
            <translation>GPU 数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="925" />
            <source>Step, loss and time left</source>
            <translation>步数、损失和剩余时间</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="937" />
            <source>Curves</source>
            <translation>曲线</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="938" />
            <source>Compare runs</source>
            <translation>比较运行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="939" />
            <source>Recorded pretraining runs; check some to overlay their curves</source>
            <translation>已记录的预训练运行；勾选若干项可叠加显示它们的曲线</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1047" />
            <source>Choose the model folder to continue from.</source>
            <translation>请选择要从其继续的模型文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1054" />
            <source>{n} parameters in {folder}.</source>
            <translation>{folder} 中有 {n} 个参数。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1063" />
            <source>Choose a tokenizer folder (with tokenizer.json or vocab.txt) to see the model's size.</source>
            <translation>请选择分词器文件夹（含 tokenizer.json 或 vocab.txt）以查看模型规模。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1075" />
            <source>{n} parameters (vocabulary {vocab}); about {memory} to train at batch {batch} × {seq_len} tokens, {precision}.</source>
            <translation>{n} 个参数（词表 {vocab}）；以批大小 {batch} × {seq_len} 个词元、精度 {precision} 训练约需 {memory}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1095" />
            <source>Train or load static vectors in the Static training panel first</source>
            <translation>请先在“静态词向量训练”面板中训练或加载静态词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1098" />
            <source>Copy the vectors of {n} words ({dim} dimensions, projected to the hidden size) into BERT's word-embedding matrix before training</source>
            <translation>训练前将 {n} 个词的词向量（{dim} 维，投影到隐藏维度）复制到 BERT 的词嵌入矩阵中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1107" />
            <location filename="../workbench/ui/panels/bert_panel.py" line="1120" />
            <source>Open a corpus in the Corpus panel first.</source>
            <translation>请先在“语料库”面板中打开一个语料库。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1110" />
            <source>Corpus: &lt;b&gt;{name}&lt;/b&gt; (from the Corpus panel)</source>
            <translation>语料库：&lt;b&gt;{name}&lt;/b&gt;（来自“语料库”面板）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1131" />
            <source>Choose the tokenizer folder (or train WordPiece on the corpus).</source>
            <translation>请选择分词器文件夹（或在语料库上训练 WordPiece）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1138" />
            <source>Choose the model folder to continue pretraining from.</source>
            <translation>请选择要从其继续预训练的模型文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1166" />
            <source>Preparing the data…</source>
            <translation>正在准备数据…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1178" />
            <source>Preparing the data for {n} runs…</source>
            <translation>正在为 {n} 次运行准备数据…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1199" />
            <source>Saved the config to {path}.</source>
            <translation>已将配置保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1204" />
            <source>Export pretraining config</source>
            <translation>导出预训练配置</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1205" />
            <source>JSON (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1214" />
            <source>The config could not be written to {path} ({reason}).</source>
            <translation>无法将配置写入 {path}（{reason}）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1226" />
            <source>Tokenizer folder</source>
            <translation>分词器文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1233" />
            <source>Model folder to continue from</source>
            <translation>要从其继续的模型文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1293" />
            <source>eval MLM loss {loss}</source>
            <translation>评测 MLM 损失 {loss}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1294" />
            <source>no evaluation</source>
            <translation>未评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1295" />
            <source>mask {ratio}: run #{run}, {steps} steps, {score}</source>
            <translation>掩码 {ratio}：运行 #{run}，{steps} 步，{score}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1298" />
            <source>Sweep cancelled (1 run). {runs}. Evaluation uses the same 15 % masks for every run.</source>
            <translation>扫描已取消（1 次运行）。{runs}。每次运行的评测都使用相同的 15 % 掩码。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1300" />
            <source>Sweep cancelled ({n} runs). {runs}. Evaluation uses the same 15 % masks for every run.</source>
            <translation>扫描已取消（{n} 次运行）。{runs}。每次运行的评测都使用相同的 15 % 掩码。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1303" />
            <source>Sweep done (1 run). {runs}. Evaluation uses the same 15 % masks for every run.</source>
            <translation>扫描完成（1 次运行）。{runs}。每次运行的评测都使用相同的 15 % 掩码。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1305" />
            <source>Sweep done ({n} runs). {runs}. Evaluation uses the same 15 % masks for every run.</source>
            <translation>扫描完成（{n} 次运行）。{runs}。每次运行的评测都使用相同的 15 % 掩码。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1318" />
            <source> Model: {description}.</source>
            <translation> 模型：{description}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1325" />
            <location filename="../workbench/ui/panels/bert_panel.py" line="1345" />
            <source>Done.</source>
            <translation>完成。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1332" />
            <source>MLM loss</source>
            <translation>MLM 损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1332" />
            <source>perplexity</source>
            <translation>困惑度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1333" />
            <source>masked-token accuracy</source>
            <translation>掩码词元准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1334" />
            <source>NSP accuracy</source>
            <translation>NSP 准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1338" />
            <source>no evaluation (no held-out slice)</source>
            <translation>未评测（没有留出数据）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1341" />
            <source>Run #{run}: {steps} steps in {seconds} s. {scores}. Model saved in {folder}.{note}</source>
            <translation>运行 #{run}：{steps} 步，用时 {seconds} 秒。{scores}。模型已保存到 {folder}。{note}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1359" />
            <source>Cancelled before training started; nothing was kept.</source>
            <translation>训练开始前已取消；没有保留任何内容。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="1367" />
            <source>Cancelled at step {step}. The checkpoint is kept in {checkpoint}; start the same run again to resume from it.</source>
            <translation>已在第 {step} 步取消。检查点保存在 {checkpoint}；再次开始相同的运行即可从该检查点恢复。</translation>
        </message>
    </context>
    <context>
        <name>PretrainRunsView</name>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="38" />
            <source>Training loss</source>
            <extracomment>(label, what) of the curve selector (labels in English, translated when shown in the ``PretrainRunsView`` context).</extracomment>
            <translation>训练损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="39" />
            <source>Evaluation loss</source>
            <translation>评测损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="40" />
            <source>Masked-token accuracy</source>
            <translation>掩码词元准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="41" />
            <source>NSP accuracy</source>
            <translation>NSP 准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="42" />
            <source>Perplexity</source>
            <translation>困惑度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="44" />
            <source>success</source>
            <extracomment>How a run's status is shown (English, translated when shown).</extracomment>
            <translation>成功</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="45" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="46" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="47" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="90" />
            <source>continued</source>
            <translation>继续训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="95" />
            <source>mask {ratio}</source>
            <translation>掩码 {ratio}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="98" />
            <source>static init</source>
            <translation>静态初始化</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="101" />
            <source>{n} steps</source>
            <translation>{n} 步</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="137" />
            <source>Pretraining runs recorded in the workspace; check runs to lay their curves over each other (e.g. with and without static init, or several mask ratios)</source>
            <translation>工作区中记录的预训练运行；勾选运行可叠加显示其曲线（例如有无静态初始化，或多个掩码比例）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="143" />
            <source>The recorded curve to compare (evaluation curves use the same fixed masks, so runs with different mask ratios can be compared on them)</source>
            <translation>要比较的已记录曲线（评测曲线使用相同的固定掩码，因此不同掩码比例的运行可以在其上比较）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="146" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="147" />
            <source>Read the run registry again</source>
            <translation>重新读取运行记录</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="150" />
            <source>step</source>
            <translation>步</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="154" />
            <source>Open in Explore</source>
            <translation>在“探索”中打开</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="155" />
            <source>Explore the selected run's input word embeddings (BERT's embedding layer) with neighbours, analogies and maps</source>
            <translation>用近邻、类比和投影图探索所选运行的输入词嵌入（BERT 的嵌入层）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="158" />
            <source>## pieces</source>
            <translation>## 子词片段</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="159" />
            <source>Also show WordPiece continuation pieces (##ing, …)</source>
            <translation>同时显示 WordPiece 续接子词片段（##ing, …）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="161" />
            <source>Curve:</source>
            <translation>曲线：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/pretrain_runs_view.py" line="228" />
            <source>No pretraining runs recorded yet.</source>
            <translation>尚未记录任何预训练运行。</translation>
        </message>
    </context>
    <context>
        <name>PreviewWindow</name>
        <message>
            <location filename="../workbench/ui/preview.py" line="37" />
            <source>{panel} preview</source>
            <translation>{panel} 预览</translation>
        </message>
    </context>
    <context>
        <name>ResultTable</name>
        <message>
            <location filename="../workbench/ui/widgets/result_table.py" line="83" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
    </context>
    <context>
        <name>RunsTableModel</name>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="76" />
            <source>The run finished</source>
            <extracomment>Kinds of training runs start with this. Methods whose runs can be continued (they save a resumable gensim model). At most this many curves are drawn at once. Curve colours, in selection order (colour-blind friendly "Tableau 10" subset). Runs listed at most (the newest). Tooltips and shown names of the run statuses (English; translated when shown, in the ``RunsTableModel`` context).</extracomment>
            <translation>运行已完成</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="77" />
            <source>The run was stopped; the vectors of its last finished epoch were kept</source>
            <translation>运行已停止；保留了最后一个完成轮次的词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="79" />
            <source>The run failed</source>
            <translation>运行失败</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="80" />
            <source>The run is still going (or the app stopped before it ended)</source>
            <translation>运行仍在进行（或应用在其结束前已退出）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="84" />
            <source>success</source>
            <translation>成功</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="85" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="86" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="87" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="151" />
            <source>Run #{run}: {method}</source>
            <translation>运行 #{run}：{method}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="154" />
            <source>Continues run #{run} from epoch {epoch}</source>
            <translation>从第 {epoch} 轮继续运行 #{run}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="160" />
            <source>evaluated on: {benchmark}</source>
            <translation>评测基准：{benchmark}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="164" />
            <source>early stopping patience: {patience}</source>
            <translation>提前停止耐心值：{patience}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="168" />
            <source>Message: {message}</source>
            <translation>消息：{message}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="177" />
            <source>Run</source>
            <extracomment>Column titles and their tooltips (English; translated when shown).</extracomment>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="178" />
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="179" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="180" />
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="181" />
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="182" />
            <source>Vocabulary</source>
            <translation>词表</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="183" />
            <source>Last loss</source>
            <translation>最后损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="184" />
            <source>Best score</source>
            <translation>最佳得分</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="185" />
            <source>Seconds</source>
            <translation>秒数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="186" />
            <source>Vectors</source>
            <translation>词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="188" />
            <source>The run's number in the workspace (hover for its parameters)</source>
            <translation>运行在工作区中的编号（悬停可查看其参数）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="190" />
            <source>word2vec, fastText or GloVe</source>
            <translation>word2vec、fastText 或 GloVe</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="191" />
            <source>success, cancelled (the last finished epoch was kept), failed or running</source>
            <translation>成功、已取消（保留了最后一个完成的轮次）、失败或运行中</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="193" />
            <source>When the run started (local time)</source>
            <translation>运行开始的时间（本地时间）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="194" />
            <source>Epochs finished (of those planned)</source>
            <translation>已完成的轮数（共计划的轮数）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="195" />
            <source>Words in the trained vocabulary</source>
            <translation>训练所得词表中的词数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="196" />
            <source>Training loss of the last epoch that recorded one</source>
            <translation>最后一个记录了损失的轮次的训练损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="197" />
            <source>Best per-epoch evaluation score (hover for the benchmark and the epoch)</source>
            <translation>各轮评测中的最佳得分（悬停可查看基准和轮次）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="199" />
            <source>Wall time of the run</source>
            <translation>运行的实际耗时</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="200" />
            <source>The saved vector file</source>
            <translation>保存的词向量文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="255" />
            <source>{done} of {planned}</source>
            <translation>{done} / {planned}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="285" />
            <source>{status}: {message}</source>
            <translation>{status}：{message}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="294" />
            <source>This run saved no vectors</source>
            <translation>此运行没有保存词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="296" />
            <source>{path}
(the file is gone)</source>
            <translation>{path}
（文件已不存在）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="321" />
            <source>This run was not evaluated after its epochs</source>
            <translation>此运行在各轮之后没有评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="325" />
            <source>{score}: no epoch had a score (no benchmark word in the vocabulary)</source>
            <translation>{score}：没有任何轮次得分（基准中的词都不在词表中）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="332" />
            <source>{score}: best {best} after epoch {epoch}, last {last}</source>
            <translation>{score}：第 {epoch} 轮后最佳 {best}，最后 {last}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="336" />
            <source>{score}: best {best} after epoch {epoch}</source>
            <translation>{score}：第 {epoch} 轮后最佳 {best}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="341" />
            <source>Stopped early; the vectors of epoch {epoch} were kept</source>
            <translation>已提前停止；保留了第 {epoch} 轮的词向量</translation>
        </message>
    </context>
    <context>
        <name>RunsView</name>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="418" />
            <source>Training runs of this workspace, newest first. Select several (Ctrl+click) to compare their loss curves; double-click one to open its vectors; Ctrl+C copies the selected rows.</source>
            <translation>此工作区的训练运行，最新的在前。选中多个（Ctrl+单击）可比较它们的损失曲线；双击一个可打开其词向量；Ctrl+C 复制选中的行。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="421" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="422" />
            <source>Read the workspace's run list again</source>
            <translation>重新读取工作区的运行列表</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="423" />
            <source>Open vectors</source>
            <translation>打开词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="424" />
            <source>Load the vectors of the selected run</source>
            <translation>加载所选运行的词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="425" />
            <source>Continue training</source>
            <translation>继续训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="430" />
            <source> epochs</source>
            <translation> 轮</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="431" />
            <source>Epochs to add when continuing the selected run</source>
            <translation>继续训练所选运行时要增加的轮数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="434" />
            <source>Training runs recorded in the workspace</source>
            <translation>工作区中记录的训练运行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="440" />
            <source>Epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="441" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="442" />
            <source>Compare curves</source>
            <translation>比较曲线</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="444" />
            <source>Loss of each finished epoch of the selected runs (up to {n}). Drag to pan, wheel to zoom.</source>
            <translation>所选运行（最多 {n} 个）每个完成轮次的损失。拖动可平移，滚轮可缩放。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="448" />
            <source>Notes on the curves shown</source>
            <translation>关于所示曲线的说明</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="505" />
            <source>The run list of {folder} cannot be read: {reason}</source>
            <translation>无法读取 {folder} 的运行列表：{reason}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="512" />
            <source>No workspace is open.</source>
            <translation>没有打开的工作区。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="516" />
            <source>No training runs yet: train vectors to see them here.</source>
            <translation>尚无训练运行：训练词向量后会显示在这里。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="518" />
            <source>1 training run</source>
            <translation>1 次训练运行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="520" />
            <source>{n} training runs</source>
            <translation>{n} 次训练运行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="577" />
            <source>Select runs (Ctrl+click for several) to compare their loss curves.</source>
            <translation>选择运行（Ctrl+单击可多选）以比较它们的损失曲线。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="586" />
            <source>No loss is recorded for run {name} (gensim computes no training loss for fastText).</source>
            <translation>运行 {name} 没有记录损失（gensim 不为 fastText 计算训练损失）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="589" />
            <source>No loss is recorded for run {name}.</source>
            <translation>运行 {name} 没有记录损失。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="592" />
            <source>Run {name} recorded no loss for {missing} of {epochs} epochs.</source>
            <translation>运行 {name} 在 {epochs} 轮中有 {missing} 轮没有记录损失。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="604" />
            <source>Showing the first {shown} of {selected} selected runs.</source>
            <translation>显示所选 {selected} 个运行中的前 {shown} 个。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="624" />
            <source>Select a word2vec or fastText run to train it for more epochs</source>
            <translation>选择一个 word2vec 或 fastText 运行以继续训练更多轮</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="626" />
            <source>Run #{run} trained {method}: only word2vec and fastText runs can be continued</source>
            <translation>运行 #{run} 训练的是 {method}：只有 word2vec 和 fastText 运行可以继续训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="630" />
            <source>Run #{run} has not ended</source>
            <translation>运行 #{run} 尚未结束</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="633" />
            <source>Run #{run} has no saved model to continue from</source>
            <translation>运行 #{run} 没有可继续训练的已保存模型</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="636" />
            <source>Wait for the current training to end</source>
            <translation>请等待当前训练结束</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="637" />
            <source>Train run #{run} for more epochs from its saved model (recorded as a new run; the learning rate decays again over the added epochs)</source>
            <translation>从已保存的模型继续训练运行 #{run} 更多轮（记录为新的运行；学习率在新增的轮次中重新衰减）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="659" />
            <source>Select a run to load its vectors</source>
            <translation>选择一个运行以加载其词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="663" />
            <source>Run #{run} saved no vectors</source>
            <translation>运行 #{run} 没有保存词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="665" />
            <source>The vectors of run #{run} are gone: {path}</source>
            <translation>运行 #{run} 的词向量已不存在：{path}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="668" />
            <source>Load the vectors of run #{run} ({path})</source>
            <translation>加载运行 #{run} 的词向量（{path}）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="683" />
            <source>Run #{run} has no vector file to open: {path} is gone.</source>
            <translation>运行 #{run} 没有可打开的词向量文件：{path} 已不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/runs_view.py" line="685" />
            <source>Run #{run} has no vector file to open.</source>
            <translation>运行 #{run} 没有可打开的词向量文件。</translation>
        </message>
    </context>
    <context>
        <name>ScorePlot</name>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="119" />
            <source>Epoch</source>
            <translation>轮次</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="120" />
            <location filename="../workbench/ui/plots/loss_plot.py" line="139" />
            <location filename="../workbench/ui/plots/loss_plot.py" line="145" />
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="121" />
            <source>Evaluation after each epoch</source>
            <translation>每轮之后的评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/loss_plot.py" line="130" />
            <source>The benchmark score of the vectors after each epoch (higher is better). A star marks the epoch early stopping kept.</source>
            <translation>每轮之后词向量在基准测试上的得分（越高越好）。星号标出早停所保留的那一轮。</translation>
        </message>
    </context>
    <context>
        <name>SensesView</name>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="162" />
            <source>'{word}' was not found; looking for close words…</source>
            <translation>未找到“{word}”；正在查找相近的词…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="166" />
            <source>'{word}' occurs 0 times in {where}. Words seen there that look alike: {words}.</source>
            <translation>“{word}”在{where}中出现 0 次。其中拼写相近的词：{words}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="170" />
            <source>'{word}' occurs 0 times in {where}. Check the spelling, or choose another source.</source>
            <translation>“{word}”在{where}中出现 0 次。请检查拼写，或选择其他来源。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="180" />
            <source>through a fitted linear map</source>
            <translation>经拟合的线性映射</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="182" />
            <source>at the centroid of the occurrences</source>
            <translation>位于各次出现的质心</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="183" />
            <source>placement: see the summary</source>
            <translation>位置：见摘要</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="352" />
            <source>Current corpus</source>
            <extracomment>(label, source) for the senses source combo box (labels English; shown through ``tr``).</extracomment>
            <translation>当前语料库</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="353" />
            <source>Typed sentences</source>
            <translation>输入的句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="354" />
            <source>CoarseWSD-20 (train split)</source>
            <translation>CoarseWSD-20（训练集）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="359" />
            <source>Last layer</source>
            <extracomment>(label, layer spec) offered before the individual layers (labels shown through ``tr``).</extracomment>
            <translation>最后一层</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="360" />
            <source>Mean of the last 4 layers</source>
            <translation>最后 4 层的平均</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="361" />
            <source>Mean of all layers</source>
            <translation>所有层的平均</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="439" />
            <source>CoarseWSD-20 has no data for '{word}'; its words are {words}.</source>
            <translation>CoarseWSD-20 没有“{word}”的数据；它包含的词为：{words}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="444" />
            <source>The CoarseWSD-20 data set was not found (expected a shared/data/CoarseWSD-20 folder beside the checkout, or $WORKBENCH_SHARED_DATA).</source>
            <translation>未找到 CoarseWSD-20 数据集（应位于代码目录旁的 shared/data/CoarseWSD-20 文件夹，或 $WORKBENCH_SHARED_DATA 指定的位置）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="448" />
            <source>Reading CoarseWSD-20 ({word})…</source>
            <translation>正在读取 CoarseWSD-20（{word}）…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="451" />
            <source>the CoarseWSD-20 train split for '{word}'</source>
            <translation>CoarseWSD-20 中“{word}”的训练集</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="455" />
            <location filename="../workbench/ui/widgets/senses_views.py" line="789" />
            <source>Type some sentences first, one per line.</source>
            <translation>请先输入一些句子，每行一句。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="459" />
            <source>the {n:,} typed sentences</source>
            <translation>输入的 {n:,} 个句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="466" />
            <source>Open a corpus in the Corpus panel first, or type sentences.</source>
            <translation>请先在“语料库”面板中打开语料库，或输入句子。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="468" />
            <source>Looking for '{word}' in {name}…</source>
            <translation>正在 {name} 中查找“{word}”…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="473" />
            <source>the corpus {name}</source>
            <translation>语料库 {name}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="508" />
            <source>Type one word whose senses to look at, e.g. bank.</source>
            <translation>请输入一个要查看其词义的词，例如 bank。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="512" />
            <source>'{word}' occurs 0 times in {where}.</source>
            <translation>“{word}”在{where}中出现 0 次。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="515" />
            <source>Contextual vectors of {n:,} occurrences…</source>
            <translation>正在计算 {n:,} 次出现的上下文向量…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="519" />
            <source>Projecting and clustering…</source>
            <translation>正在投影和聚类…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="523" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="569" />
            <source>Word senses</source>
            <translation>词义</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="586" />
            <source>The word whose senses to look at (the 20 CoarseWSD-20 words are offered; any word works with a corpus or typed sentences)</source>
            <translation>要查看其词义的词（提供 CoarseWSD-20 的 20 个词；使用语料库或输入的句子时，任何词都可以）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="596" />
            <source>Where the occurrences come from</source>
            <translation>这些出现取自何处</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="599" />
            <source>One sentence per line, each using the word</source>
            <translation>每行一句，每句都包含该词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="601" />
            <source>Typed sentences, one per line</source>
            <translation>输入的句子，每行一句</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="604" />
            <source>Use at most this many occurrences</source>
            <translation>最多使用这么多次出现</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="607" />
            <source>Which hidden states make an occurrence's vector (layer 0 is the embedding layer's output)</source>
            <translation>用哪些隐藏状态构成每次出现的向量（第 0 层是嵌入层的输出）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="612" />
            <source>How the vectors are projected to 2-D (PCA is linear, so the static vector and centroids keep their meaning)</source>
            <translation>如何将向量投影到二维（PCA 是线性的，因此静态向量和质心保持其含义）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="617" />
            <source>Agglomerative (Ward)</source>
            <translation>凝聚层次聚类（Ward）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="618" />
            <source>How the occurrences are grouped into senses (in the full vector space, not the 2-D picture)</source>
            <translation>如何将各次出现归并为词义（在完整的向量空间中，而不是在二维图中）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="621" />
            <source>Number of clusters; Auto picks the k with the best silhouette between 2 and 8</source>
            <translation>簇的数量；“自动”会在 2 到 8 之间选择轮廓系数最好的 k</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="624" />
            <source>Auto (silhouette)</source>
            <translation>自动（轮廓系数）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="625" />
            <source>Find senses</source>
            <translation>查找词义</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="626" />
            <source>Collect the occurrences, extract their vectors and cluster them (Ctrl+Return; Esc cancels)</source>
            <translation>收集各次出现，提取其向量并聚类（Ctrl+Return；Esc 取消）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="632" />
            <source>from</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="634" />
            <source>Word</source>
            <translation>词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="635" />
            <source>Sentences</source>
            <translation>句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="638" />
            <source>at most</source>
            <translation>最多</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="640" />
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="642" />
            <source>Occurrences</source>
            <translation>出现</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="645" />
            <source>clusters</source>
            <translation>聚类</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="651" />
            <source>Picture</source>
            <translation>图</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="658" />
            <source>Mean silhouette of the clustering for each k tried (higher: better separated clusters)</source>
            <translation>对每个尝试过的 k，聚类的平均轮廓系数（越高：簇分得越开）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="661" />
            <source>Colour by cluster</source>
            <translation>按簇着色</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="662" />
            <source>Colour by gold sense</source>
            <translation>按标注词义着色</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="663" />
            <source>Gold senses are known for CoarseWSD-20 only</source>
            <translation>只有 CoarseWSD-20 有标注词义</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="666" />
            <source>Save the points (sentence, cluster, x, y, gold) as CSV, or the picture as PNG or SVG</source>
            <translation>将各点（句子、簇、x、y、标注）保存为 CSV，或将图片保存为 PNG 或 SVG</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="668" />
            <source>Points as CSV…</source>
            <translation>各点另存为 CSV…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="669" />
            <source>Picture as PNG…</source>
            <translation>图片另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="670" />
            <source>Picture as SVG…</source>
            <translation>图片另存为 SVG…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="677" />
            <source>One point per occurrence; hover to read its sentence, click to show it below. The star is the word's single static vector (or the centroid when no static model is loaded).</source>
            <translation>每次出现一个点；鼠标悬停可阅读其句子，点击可在下方显示。星形是该词唯一的静态向量（未加载静态模型时为质心）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="694" />
            <source>cluster</source>
            <translation>簇</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="694" />
            <source>size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="695" />
            <source>context words</source>
            <translation>上下文词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="695" />
            <source>static neighbours</source>
            <translation>静态近邻</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="696" />
            <source>gold senses</source>
            <translation>标注词义</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="697" />
            <source>Select a cluster to read its sentences. Context words: words typical of the cluster's sentences; static neighbours: the static model's words nearest to the cluster</source>
            <translation>选择一个簇以阅读其句子。上下文词：该簇句子中的典型词；静态近邻：静态模型中离该簇最近的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="705" />
            <source>Sentences of the selected cluster, the word highlighted</source>
            <translation>所选簇的句子，该词高亮显示</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="710" />
            <source>The static model gives the word one vector, so one list of neighbours for all its senses</source>
            <translation>静态模型只给该词一个向量，因此它的所有词义共用一个近邻列表</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="713" />
            <source>Static model's neighbours</source>
            <translation>静态模型的近邻</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="748" />
            <source>Layer 0 (embedding output)</source>
            <translation>第 0 层（嵌入层输出）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="750" />
            <source>Layer {i}</source>
            <translation>第 {i} 层</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="764" />
            <source>Occurrences from {path}</source>
            <translation>取自 {path} 的出现</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="765" />
            <source>Open a corpus in the Corpus panel first</source>
            <translation>请先在“语料库”面板中打开语料库</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="787" />
            <source>Type the word whose senses to look at, e.g. bank.</source>
            <translation>请输入要查看其词义的词，例如 bank。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="820" />
            <source>static vector ({placement})</source>
            <translation>静态向量（{placement}）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="825" />
            <source>one vector for all senses</source>
            <translation>所有词义共用一个向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="826" />
            <source>The centroid of the occurrences: what a single vector per word would have to be. Load static vectors to draw the static model's own vector.</source>
            <translation>各次出现的质心：若每个词只有一个向量，它就应该在这里。加载静态词向量可画出静态模型自己的向量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="895" />
            <source>layer {i}</source>
            <translation>第 {i} 层</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="897" />
            <source>{n:,} occurrences of '{word}' from {where} (of {total:,} found).</source>
            <translation>“{word}”在{where}中的 {n:,} 次出现（共找到 {total:,} 次）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="899" />
            <source>{n:,} occurrences of '{word}' from {where}.</source>
            <translation>“{word}”在{where}中的 {n:,} 次出现。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="901" />
            <source>{k} clusters (chosen by silhouette), {method} picture, {layer}.</source>
            <translation>{k} 个簇（按轮廓系数选择），{method} 图，{layer}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="903" />
            <source>{k} clusters (as asked), {method} picture, {layer}.</source>
            <translation>{k} 个簇（按指定），{method} 图，{layer}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="907" />
            <source>Adjusted Rand index against the gold senses: {ari:.3f} (a single static vector scores 0 by construction).</source>
            <translation>相对标注词义的调整兰德指数：{ari:.3f}（单个静态向量按构造得分为 0）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="911" />
            <source>{n:,} long sentences were cut to a window around the word.</source>
            <translation>{n:,} 个长句被截取为该词周围的一个窗口。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="914" />
            <source>Star: {placement}</source>
            <translation>星形：{placement}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="922" />
            <source>Silhouette by k: {values}</source>
            <translation>各 k 的轮廓系数：{values}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="931" />
            <source>Load or train static vectors (Static training or Explore panel) to compare with the static model's neighbours.</source>
            <translation>加载或训练静态词向量（“静态词向量训练”或“探索”面板），以便与静态模型的近邻比较。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="934" />
            <source>Run to list the word's static neighbours.</source>
            <translation>运行后将列出该词的静态近邻。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="941" />
            <source>'{word}' is not in the static vectors' vocabulary.</source>
            <translation>“{word}”不在静态词向量的词表中。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="964" />
            <source>&lt;p&gt;&lt;b&gt;Cluster {label}&lt;/b&gt;: {n:,} occurrences, {shown} shown&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;簇 {label}&lt;/b&gt;：{n:,} 次出现，显示 {shown} 条&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="966" />
            <source>&lt;p&gt;&lt;b&gt;Cluster {label}&lt;/b&gt;: {n:,} occurrences&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;簇 {label}&lt;/b&gt;：{n:,} 次出现&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="984" />
            <source>&lt;p&gt;&lt;b&gt;Occurrence {n}&lt;/b&gt;, cluster {label}{where}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;第 {n} 次出现&lt;/b&gt;，簇 {label}{where}&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="999" />
            <location filename="../workbench/ui/widgets/senses_views.py" line="1019" />
            <source>Run the analysis first; there is nothing to export.</source>
            <translation>请先运行分析；没有可导出的内容。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1013" />
            <location filename="../workbench/ui/widgets/senses_views.py" line="1028" />
            <source>Run the analysis first; there is no picture to export.</source>
            <translation>请先运行分析；没有可导出的图片。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1022" />
            <source>Export the occurrences</source>
            <translation>导出各次出现</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1023" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1024" />
            <source>Wrote {n:,} rows to {path}.</source>
            <translation>已将 {n:,} 行写入 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1031" />
            <source>PNG files (*.png)</source>
            <translation>PNG 文件 (*.png)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1031" />
            <source>SVG files (*.svg)</source>
            <translation>SVG 文件 (*.svg)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1032" />
            <source>Export the picture</source>
            <translation>导出图片</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1033" />
            <source>Saved the picture to {path}.</source>
            <translation>已将图片保存到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="31" />
            <source>Automatic (CUDA, then MPS, then CPU)</source>
            <translation>自动（依次尝试 CUDA、MPS、CPU）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="32" />
            <source>CUDA GPU</source>
            <translation>CUDA GPU</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="33" />
            <source>Apple GPU (MPS)</source>
            <translation>Apple GPU（MPS）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="34" />
            <location filename="../workbench/ui/settings_dialog.py" line="37" />
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="35" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="36" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="74" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="82" />
            <source>Where runs, caches and trained models are kept. Empty: the default folder.</source>
            <translation>保存运行记录、缓存和已训练模型的位置。留空：使用默认文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="83" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="84" />
            <location filename="../workbench/ui/settings_dialog.py" line="145" />
            <source>Choose the workspace folder</source>
            <translation>选择工作区文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="92" />
            <source>Workspace folder</source>
            <translation>工作区文件夹</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="96" />
            <source>Where BERT jobs and GloVe run. Automatic takes a CUDA GPU, then an Apple GPU, then the CPU.</source>
            <translation>BERT 任务和 GloVe 在哪里运行。自动：优先 CUDA GPU，其次 Apple GPU，最后 CPU。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="98" />
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="102" />
            <source>One per core ({n})</source>
            <translation>每个核心一个（{n}）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="106" />
            <source>CPU threads for training jobs (word2vec, fastText, GloVe) when a panel does not set its own.</source>
            <translation>训练任务（word2vec、fastText、GloVe）使用的 CPU 线程数（面板未单独设置时）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="108" />
            <source>Threads</source>
            <translation>线程数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="111" />
            <source>Light or dark colours, or as the desktop has it</source>
            <translation>浅色或深色，或跟随桌面设置</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="112" />
            <source>Theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="116" />
            <source>The language of the interface; a change applies after a restart.</source>
            <translation>界面语言；更改在重启后生效。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="117" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../workbench/ui/settings_dialog.py" line="163" />
            <source>This folder cannot be the workspace: {reason} Choose another one.</source>
            <translation>此文件夹不能用作工作区：{reason} 请另选一个。</translation>
        </message>
    </context>
    <context>
        <name>StaticPanel</name>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="133" />
            <source>Opening the gensim model {name}…</source>
            <extracomment>(label, method, sg) for the method combo box (method names: not translated).</extracomment>
            <translation>正在打开 gensim 模型 {name}…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="147" />
            <source>Word vectors and models (*.txt *.vec *.bin *.gz *.bz2 *.xz *.model *.gensim)</source>
            <extracomment>File-dialog filters of "Load vectors…" (English; translated when the dialog opens).</extracomment>
            <translation>词向量和模型 (*.txt *.vec *.bin *.gz *.bz2 *.xz *.model *.gensim)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="150" />
            <source>word2vec / GloVe text (*.txt *.vec *.txt.gz *.vec.gz)</source>
            <translation>word2vec / GloVe 文本 (*.txt *.vec *.txt.gz *.vec.gz)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="151" />
            <source>word2vec binary or fastText .bin model (*.bin *.bin.gz)</source>
            <translation>word2vec 二进制或 fastText .bin 模型 (*.bin *.bin.gz)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="152" />
            <source>gensim model, a Python pickle (*.model *.gensim)</source>
            <translation>gensim 模型，Python pickle 文件 (*.model *.gensim)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="153" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="162" />
            <source>word2vec text (*.txt *.vec)</source>
            <extracomment>Analogy benchmarks cheap enough to run after every epoch (similarity sets all are). File-dialog filter -&gt; vector format for "Save vectors as…" (filters translated when shown).</extracomment>
            <translation>word2vec 文本 (*.txt *.vec)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="163" />
            <source>word2vec binary (*.bin)</source>
            <translation>word2vec 二进制 (*.bin)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="164" />
            <source>GloVe text, no header (*.txt)</source>
            <translation>GloVe 文本，无表头 (*.txt)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="165" />
            <source>TensorFlow Projector folder (vectors.tsv + metadata.tsv) (*)</source>
            <translation>TensorFlow Projector 文件夹（vectors.tsv + metadata.tsv） (*)</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="243" />
            <source>Static training</source>
            <translation>静态词向量训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="244" />
            <source>Load vectors</source>
            <translation>加载词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="255" />
            <source>Training reads the corpus open in the Corpus panel, tokenized with that panel's settings (cached).</source>
            <translation>训练读取“语料库”面板中打开的语料库，并按该面板的设置分词（有缓存）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="263" />
            <source>Skip-gram predicts context words from a word; CBOW predicts a word from its context; fastText adds character n-grams (vectors for unseen words); GloVe fits word co-occurrence counts.</source>
            <translation>Skip-gram 由一个词预测其上下文词；CBOW 由上下文预测词；fastText 增加了字符 n-gram（可为未见过的词生成向量）；GloVe 拟合词的共现次数。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="267" />
            <source>Negative sampling</source>
            <translation>负采样</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="268" />
            <source>Hierarchical softmax</source>
            <translation>层次 softmax</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="269" />
            <source>How the output layer is trained (word2vec, fastText)</source>
            <translation>输出层的训练方式（word2vec、fastText）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="273" />
            <source>Dimensions of each vector</source>
            <translation>每个向量的维数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="274" />
            <source>Largest distance between a word and a context word</source>
            <translation>词与上下文词之间的最大距离</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="276" />
            <source>Ignore words rarer than this</source>
            <translation>忽略出现次数少于此值的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="277" />
            <source>Passes over the corpus</source>
            <translation>遍历语料库的次数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="278" />
            <source>Negative samples per positive example</source>
            <translation>每个正样本对应的负样本数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="281" />
            <source>Starting learning rate (word2vec and fastText decay it linearly; GloVe uses AdaGrad)</source>
            <translation>初始学习率（word2vec 和 fastText 线性衰减；GloVe 使用 AdaGrad）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="284" />
            <source>Worker threads (word2vec, fastText); torch CPU threads (GloVe on the CPU). Default: one per core</source>
            <translation>工作线程数（word2vec、fastText）；torch CPU 线程数（在 CPU 上运行的 GloVe）。默认：每个核心一个</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="286" />
            <source>Random seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="287" />
            <source>Shortest character n-gram (fastText)</source>
            <translation>最短字符 n-gram（fastText）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="288" />
            <source>Longest character n-gram (fastText)</source>
            <translation>最长字符 n-gram（fastText）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="290" />
            <source>GloVe: co-occurrence count at which the weight reaches 1</source>
            <translation>GloVe：权重达到 1 时的共现次数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="292" />
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="294" />
            <source>Method:</source>
            <translation>方法：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="295" />
            <source>Output layer:</source>
            <translation>输出层：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="296" />
            <source>Dimensions:</source>
            <translation>维数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="297" />
            <source>Window:</source>
            <translation>窗口：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="298" />
            <source>Min count:</source>
            <translation>最小词频：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="299" />
            <source>Epochs:</source>
            <translation>轮数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="300" />
            <source>Negative samples:</source>
            <translation>负样本数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="301" />
            <source>Learning rate:</source>
            <translation>学习率：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="302" />
            <source>Threads:</source>
            <translation>线程数：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="303" />
            <source>Seed:</source>
            <translation>种子：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="304" />
            <source>Min n-gram:</source>
            <translation>最小 n-gram：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="305" />
            <source>Max n-gram:</source>
            <translation>最大 n-gram：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="308" />
            <source>Evaluate after each epoch</source>
            <translation>每轮之后评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="310" />
            <source>Score the vectors on a benchmark after every epoch and draw the score under the loss curve (only the 30,000 most frequent words are looked up)</source>
            <translation>每轮之后在基准测试上为词向量打分，并把得分画在损失曲线下方（只查找最常见的 30,000 个词）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="317" />
            <source>The benchmark scored after each epoch: similarity sets (Spearman) are cheap; analogy sets (accuracy) take longer</source>
            <translation>每轮之后打分所用的基准测试：相似度数据集（Spearman）开销小；类比数据集（准确率）耗时较长</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="321" />
            <source>Stop when the score (without evaluation: the loss) has not improved for this many epochs, and keep the vectors of the best epoch. 0 = off</source>
            <translation>当得分（不评测时为损失）连续这么多轮没有改善时停止，并保留最佳一轮的词向量。0 = 关闭</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="323" />
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="324" />
            <location filename="../workbench/ui/panels/static_panel.py" line="352" />
            <source> epochs</source>
            <translation> 轮</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="325" />
            <source>After each epoch</source>
            <translation>每轮之后</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="328" />
            <source>Benchmark:</source>
            <translation>基准测试：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="329" />
            <source>Stop early after N epochs
without improvement:</source>
            <translation>连续 N 轮没有改善
时提前停止：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="333" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="334" />
            <source>Train on the Corpus panel's corpus (Ctrl+Enter)</source>
            <translation>在“语料库”面板的语料库上训练（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="335" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="336" />
            <source>Stop training; the vectors of the last finished epoch are kept and saved</source>
            <translation>停止训练；保留并保存最后完成那一轮的词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="338" />
            <source>Load vectors…</source>
            <translation>加载词向量…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="339" />
            <source>Open word2vec (text or binary), fastText .vec or GloVe text vectors</source>
            <translation>打开 word2vec（文本或二进制）、fastText .vec 或 GloVe 文本格式的词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="341" />
            <source>Save vectors as…</source>
            <translation>词向量另存为…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="342" />
            <source>Save the current vectors as word2vec text or binary, GloVe text, or a TensorFlow Projector folder (Ctrl+S)</source>
            <translation>把当前词向量保存为 word2vec 文本或二进制、GloVe 文本，或 TensorFlow Projector 文件夹（Ctrl+S）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="345" />
            <source>Save vectors</source>
            <translation>保存词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="349" />
            <source>Continue training</source>
            <translation>继续训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="350" />
            <source>Epochs to add to the last run</source>
            <translation>为上一次运行增加的轮数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="360" />
            <source>Epoch, learning rate, words per second and time left</source>
            <translation>轮次、学习率、每秒处理词数和剩余时间</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="362" />
            <source>No vectors yet.</source>
            <translation>还没有词向量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="403" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="404" />
            <source>Evaluation</source>
            <translation>评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="405" />
            <source>Runs</source>
            <translation>运行记录</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="406" />
            <source>Analogy and similarity benchmarks, two vector sets side by side</source>
            <translation>类比和相似度基准测试，两组词向量并排比较</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="408" />
            <source>Earlier training runs: compare their loss curves, reopen their vectors</source>
            <translation>以前的训练运行：比较它们的损失曲线，重新打开它们的词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="433" />
            <source>Saved the vectors to {path}.</source>
            <translation>已将词向量保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="485" />
            <source>{name} (Spearman)</source>
            <translation>{name}（Spearman）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="487" />
            <source>{name} (accuracy)</source>
            <translation>{name}（准确率）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="492" />
            <source>no built-in benchmark found</source>
            <translation>未找到内置基准测试</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="507" />
            <source>No built-in benchmark was found on this machine, so the vectors cannot be evaluated after each epoch.</source>
            <translation>本机上没有找到内置基准测试，因此无法在每轮之后评测词向量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="549" />
            <location filename="../workbench/ui/panels/static_panel.py" line="601" />
            <source>Open a corpus in the Corpus panel first.</source>
            <translation>请先在“语料库”面板中打开一个语料库。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="551" />
            <source>Corpus: &lt;b&gt;{name}&lt;/b&gt; (from the Corpus panel)</source>
            <translation>语料库：&lt;b&gt;{name}&lt;/b&gt;（来自“语料库”面板）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="587" />
            <source>Train run #{run} for more epochs from its saved model (recorded as a new run; the loss curve continues)</source>
            <translation>从运行 #{run} 保存的模型出发再训练若干轮（记录为新的运行；损失曲线接着画）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="590" />
            <source>Train a word2vec or fastText run first (or pick one in the Runs tab)</source>
            <translation>请先训练一次 word2vec 或 fastText（或在“运行记录”标签页中选择一次运行）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="616" />
            <source>Starting {method}… gensim computes no training loss for fastText, so no curve is drawn.</source>
            <translation>正在启动 {method}… gensim 不为 fastText 计算训练损失，因此不绘制曲线。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="619" />
            <source>Starting {method}…</source>
            <translation>正在启动 {method}…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="649" />
            <source>Wait for the current training to end (or cancel it) before continuing a run.</source>
            <translation>请等当前训练结束（或取消它）后再继续某次运行。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="654" />
            <source>Open a workspace first: runs are continued from the models saved in it.</source>
            <translation>请先打开工作区：继续训练要从其中保存的模型开始。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="662" />
            <source>There is no run #{run} in {folder}.</source>
            <translation>{folder} 中没有运行 #{run}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="685" />
            <source>Continuing run #{run} ({method}) from epoch {done} for {more} more epochs…</source>
            <translation>正在从第 {done} 轮继续运行 #{run}（{method}），再训练 {more} 轮…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="710" />
            <source>There are no vectors to save yet: train or load some.</source>
            <translation>还没有可保存的词向量：请先训练或加载。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="721" />
            <source>Save vectors as</source>
            <translation>词向量另存为</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="728" />
            <source>Load word vectors</source>
            <translation>加载词向量</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="745" />
            <source>Open a file that can run code?</source>
            <translation>打开可能运行代码的文件？</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="746" />
            <source>“{name}” is a gensim model saved as a Python pickle, and it is not in the workspace.</source>
            <translation>“{name}”是以 Python pickle 格式保存的 gensim 模型，并且不在工作区中。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="748" />
            <source>Opening a pickle can run any code hidden in it. Open it only if you trust where it came from.</source>
            <translation>打开 pickle 文件可能会运行其中隐藏的任意代码。只有在您信任其来源时才打开它。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="751" />
            <source>Open anyway</source>
            <translation>仍然打开</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="772" />
            <source>{name} was not opened: it is a pickle from outside the workspace.</source>
            <translation>未打开 {name}：它是来自工作区之外的 pickle 文件。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="791" />
            <source>{seconds:,.0f} s</source>
            <translation>{seconds:,.0f} 秒</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="793" />
            <source>Epoch {epoch} of {epochs} · learning rate {rate:.5f} · {speed:,.0f} words/s · time left {eta}</source>
            <translation>第 {epoch}/{epochs} 轮 · 学习率 {rate:.5f} · 每秒 {speed:,.0f} 词 · 剩余时间 {eta}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="806" />
            <source>Epoch {epoch} of {epochs}: {metric} {score}</source>
            <translation>第 {epoch}/{epochs} 轮：{metric} {score}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="814" />
            <source>{words:,} words × {dim} dimensions {where}</source>
            <translation>{words:,} 个词 × {dim} 维 {where}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="819" />
            <source>(saved to {path})</source>
            <translation>（已保存到 {path}）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="846" />
            <source>Stopped early after epoch {last}: no improvement for {patience} epochs; the vectors of epoch {best} are kept.</source>
            <translation>在第 {last} 轮后提前停止：连续 {patience} 轮没有改善；保留第 {best} 轮的词向量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="849" />
            <source>Stopped early after epoch {last}: no improvement; the vectors of epoch {best} are kept.</source>
            <translation>在第 {last} 轮后提前停止：没有改善；保留第 {best} 轮的词向量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="862" />
            <source>Done: run #{run} continued run #{old} to {done} epochs ({more} more in {seconds:,.1f} s).</source>
            <translation>完成：运行 #{run} 把运行 #{old} 继续训练到 {done} 轮（新增 {more} 轮，用时 {seconds:,.1f} 秒）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="867" />
            <source>Done: {epochs} epochs in {seconds:,.1f} s.</source>
            <translation>完成：{epochs} 轮，用时 {seconds:,.1f} 秒。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="874" />
            <source>Cancelled before the first epoch finished; nothing was kept.</source>
            <translation>在第一轮完成前已取消；没有保留任何结果。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="881" />
            <source>Cancelled: the vectors of epoch {epoch} are kept.</source>
            <translation>已取消：保留第 {epoch} 轮的词向量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="893" />
            <source>loaded from the gensim {kind} model {name}</source>
            <translation>加载自 gensim {kind} 模型 {name}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="897" />
            <source>loaded from {name}</source>
            <translation>加载自 {name}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="899" />
            <source>{where} (with vectors for unseen words)</source>
            <translation>{where}（可为未见过的词生成向量）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/static_panel.py" line="916" />
            <source>Training failed.</source>
            <translation>训练失败。</translation>
        </message>
    </context>
    <context>
        <name>TextInspectView</name>
        <message>
            <location filename="../workbench/ui/widgets/inspect_base.py" line="101" />
            <source>Load a model, type a text and press Run (Ctrl+Return).</source>
            <translation>请加载模型，输入文本，然后点击“运行”（Ctrl+Return）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/inspect_base.py" line="121" />
            <source>Open a model folder first.</source>
            <translation>请先打开一个模型文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/inspect_base.py" line="128" />
            <source>Type a text first: the input is empty.</source>
            <translation>请先输入文本：输入为空。</translation>
        </message>
    </context>
    <context>
        <name>ToolView</name>
        <message>
            <location filename="../workbench/ui/widgets/explore_tools.py" line="92" />
            <source>Load or train vectors first.</source>
            <extracomment>What the panel tells the tools about the current map: the words and their coordinates.</extracomment>
            <translation>请先加载或训练词向量。</translation>
        </message>
    </context>
    <context>
        <name>TrainingCurves</name>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="69" />
            <source>step</source>
            <extracomment>Pixels of every left axis (fixed: see the module docstring).</extracomment>
            <translation>步</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="82" />
            <source>Loss</source>
            <extracomment>(key, title, axis label, curves: (name, legend, colour)) of each small plot; the texts are English and translated when the plots are made.</extracomment>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="83" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="84" />
            <source>train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="85" />
            <source>eval</source>
            <translation>评测</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="86" />
            <source>Evaluation accuracy</source>
            <translation>评测准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="87" />
            <location filename="../workbench/ui/plots/bert_curves.py" line="90" />
            <source>accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="88" />
            <source>mlm accuracy</source>
            <translation>MLM 准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="89" />
            <source>nsp accuracy</source>
            <translation>NSP 准确率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="91" />
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="92" />
            <location filename="../workbench/ui/plots/bert_curves.py" line="93" />
            <source>lr</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="94" />
            <source>Gradient norm</source>
            <translation>梯度范数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="95" />
            <source>norm</source>
            <translation>范数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="96" />
            <source>grad norm</source>
            <translation>梯度范数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="97" />
            <source>Tokens per second</source>
            <translation>每秒词元数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="98" />
            <source>tokens/s</source>
            <translation>词元/秒</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="99" />
            <source>tokens per s</source>
            <translation>每秒词元数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="100" />
            <source>GPU memory</source>
            <translation>GPU 显存</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="101" />
            <source>gpu mem mb</source>
            <translation>GPU 显存 MB</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/bert_curves.py" line="157" />
            <source>Masked-token and next-sentence accuracy on the held-out slice at each evaluation</source>
            <extracomment>Milliseconds between the redraws of two stale plots. Seconds to wait for a redrawn plot to be painted before going on anyway.</extracomment>
            <translation>每次评测时在留出数据上的掩码词元准确率和下一句预测准确率</translation>
        </message>
    </context>
    <context>
        <name>WelcomeFlow</name>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="183" />
            <source>Training failed; the Static training panel says why.</source>
            <translation>训练失败；原因见“静态词向量训练”面板。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="185" />
            <source>Training was cancelled.</source>
            <translation>训练已取消。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="197" />
            <source>Counting the words…</source>
            <translation>正在统计词…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="212" />
            <source>Opened {name}</source>
            <translation>已打开 {name}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="214" />
            <source>: {tokens:,} words, {types:,} different ones.</source>
            <translation>：{tokens:,} 个词，其中不同的词有 {types:,} 个。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="232" />
            <source>Training…</source>
            <translation>正在训练…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="236" />
            <source>Training could not start: {reason}</source>
            <translation>训练无法开始：{reason}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="254" />
            <source>Trained vectors for {n} words.</source>
            <translation>已为 {n} 个词训练出词向量。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="272" />
            <source>Train vectors first (step 2).</source>
            <translation>请先训练词向量（第 2 步）。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="280" />
            <source>Map computed; none of the demo analogies' words are in this vocabulary.</source>
            <translation>词图已计算；但演示类比所用的词都不在这个词表中。</translation>
        </message>
    </context>
    <context>
        <name>WelcomePanel</name>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="60" />
            <source>&lt;h1&gt;Embedding Workbench&lt;/h1&gt;</source>
            <extracomment>Step names, in order.</extracomment>
            <translation>&lt;h1&gt;Embedding Workbench&lt;/h1&gt;</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="62" />
            <source>Train word embeddings and BERT on your own text, then see what they learned. Three clicks show the whole path on a sample corpus of US presidential speeches (public domain).</source>
            <translation>用您自己的文本训练词向量和 BERT，再看看它们学到了什么。在一个美国总统演讲的示例语料库（公有领域）上，点击三次即可走完整个流程。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="71" />
            <source>1 · Open the sample corpus</source>
            <translation>1 · 打开示例语料库</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="72" />
            <source>Opens 488,000 words of speeches and counts them</source>
            <translation>打开 488,000 词的演讲文本并统计词频</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="73" />
            <source>2 · Train word2vec</source>
            <translation>2 · 训练 word2vec</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="74" />
            <source>Skip-gram, 100 dimensions, 5 epochs: about ten seconds</source>
            <translation>Skip-gram，100 维，5 轮：大约十秒</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="75" />
            <source>3 · See its map and an analogy</source>
            <translation>3 · 查看词图和一个类比</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="76" />
            <source>A PCA map of every word and an analogy the vectors solve</source>
            <translation>所有词的 PCA 词图，以及这些词向量能解出的一个类比</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="97" />
            <source>Or go straight to:</source>
            <translation>或直接前往：</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="100" />
            <source>Corpus</source>
            <translation>语料库</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="100" />
            <source>Open your own corpus and see its statistics</source>
            <translation>打开您自己的语料库并查看其统计信息</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="101" />
            <source>Static training</source>
            <translation>静态词向量训练</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="101" />
            <source>word2vec, fastText, GloVe</source>
            <translation>word2vec、fastText、GloVe</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="102" />
            <source>BERT</source>
            <translation>BERT</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="102" />
            <source>Pretrain and fine-tune BERT</source>
            <translation>预训练和微调 BERT</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="103" />
            <source>Explore</source>
            <translation>探索</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="103" />
            <source>Neighbours, maps, analogies</source>
            <translation>近邻、词图、类比</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="104" />
            <source>Inspect</source>
            <translation>检视</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/welcome_panel.py" line="104" />
            <source>Attention, fill-mask, senses</source>
            <translation>注意力、掩码填空、词义</translation>
        </message>
    </context>
    <context>
        <name>WordCountModel</name>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="44" />
            <source>Rank</source>
            <extracomment>Role holding the value a column sorts by (numbers for numeric columns). Role of ``headerData`` giving a column's name as written to exported files: untranslated English, so the file format does not depend on the interface language (:meth:`WordTableView.rows_tsv` falls back to the displayed header). Column names in English (translated when shown; written as they are to files).</extracomment>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="45" />
            <source>Word</source>
            <translation>词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="46" />
            <source>Count</source>
            <translation>次数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="47" />
            <source>% of tokens</source>
            <translation>占词元的 %</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="49" />
            <source>Frequency rank (1 = most frequent)</source>
            <translation>频次排名（1 = 最常见）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="50" />
            <source>The word as the tokenizer produced it</source>
            <translation>分词器输出的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="51" />
            <source>How many times the word occurs</source>
            <translation>该词出现的次数</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="52" />
            <source>Share of all tokens in the corpus</source>
            <translation>在语料库全部词元中所占的比例</translation>
        </message>
    </context>
    <context>
        <name>WordInContextView</name>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1055" />
            <source>Type two sentences that both use the word.</source>
            <translation>请输入两个都包含该词的句子。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1058" />
            <source>Type the word to compare, e.g. bank.</source>
            <translation>请输入要比较的词，例如 bank。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1060" />
            <source>Comparing…</source>
            <translation>正在比较…</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1086" />
            <source>Word in context</source>
            <translation>上下文中的词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1092" />
            <source>First sentence using the word</source>
            <translation>包含该词的第一个句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1094" />
            <source>Second sentence using the word</source>
            <translation>包含该词的第二个句子</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1096" />
            <source>The word to compare (its word pieces are averaged)</source>
            <translation>要比较的词（对其子词取平均）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1099" />
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1100" />
            <source>Two senses of 'bank': {a} / {b}</source>
            <translation>“bank”的两个词义：{a} / {b}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1103" />
            <source>Compare</source>
            <translation>比较</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1104" />
            <source>Cosine similarity of the word's vectors in the two sentences, per layer (Ctrl+Return)</source>
            <translation>该词在两个句子中的向量的逐层余弦相似度（Ctrl+Return）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1107" />
            <source>Sentence A</source>
            <translation>句子 A</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1108" />
            <source>Sentence B</source>
            <translation>句子 B</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1113" />
            <source>Word</source>
            <translation>词</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1117" />
            <source>Cosine similarity of the word's two contextual vectors at each layer; 1 means the context changed nothing</source>
            <translation>该词两个上下文向量在每一层的余弦相似度；1 表示上下文没有带来任何改变</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1119" />
            <source>layer (0 = embedding output)</source>
            <translation>层（0 = 嵌入层输出）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1120" />
            <source>cosine similarity</source>
            <translation>余弦相似度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1126" />
            <source>layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1126" />
            <source>cosine</source>
            <translation>余弦</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1127" />
            <source>Cosine similarity per layer (Ctrl+C copies)</source>
            <translation>逐层余弦相似度（Ctrl+C 复制）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="1165" />
            <source>'{word}' is {a} in sentence A and {b} in sentence B. Cosine at the embedding output {first:.3f}, at the last layer {last:.3f}: the lower, the more the context changed the word's vector.</source>
            <translation>“{word}”在句子 A 中是 {a}，在句子 B 中是 {b}。嵌入层输出处的余弦为 {first:.3f}，最后一层为 {last:.3f}：越低，说明上下文对该词向量的改变越大。</translation>
        </message>
    </context>
    <context>
        <name>WordTableView</name>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="132" />
            <source>Copy rows</source>
            <translation>复制行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/word_table.py" line="135" />
            <source>Copy the selected rows as tab-separated text</source>
            <translation>把所选行复制为制表符分隔的文本</translation>
        </message>
    </context>
    <context>
        <name>ZipfPlot</name>
        <message>
            <location filename="../workbench/ui/plots/zipf_plot.py" line="47" />
            <source>Rank</source>
            <extracomment>Up to this many types every rank is drawn. Above it the curve keeps the first :data:`FULL_RANKS` ranks and then log-evenly spaced ones (plus the last): on log axes the picture is the same, and a 1M-type vocabulary draws as fast as a small one.</extracomment>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/zipf_plot.py" line="48" />
            <source>Frequency</source>
            <translation>频次</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/zipf_plot.py" line="49" />
            <source>Zipf rank–frequency</source>
            <translation>Zipf 排名–频次</translation>
        </message>
        <message>
            <location filename="../workbench/ui/plots/zipf_plot.py" line="57" />
            <source>Word frequency against frequency rank, log–log. A straight line is Zipf's law. Drag to pan, wheel to zoom, right-drag to zoom an axis.</source>
            <translation>词频与频次排名的关系（双对数坐标）。直线即 Zipf 定律。拖动以平移，滚轮缩放，右键拖动缩放单个坐标轴。</translation>
        </message>
    </context>
    <context>
        <name>_InspectView</name>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="210" />
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="212" />
            <source>Run (Ctrl+Return)</source>
            <translation>运行（Ctrl+Return）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="217" />
            <source>Progress of the running job</source>
            <translation>正在运行的任务的进度</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="219" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="220" />
            <source>Stop the running job (Esc)</source>
            <translation>停止正在运行的任务（Esc）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="266" />
            <location filename="../workbench/ui/widgets/senses_views.py" line="276" />
            <source>Load a BERT-family model in the Inspect panel first.</source>
            <translation>请先在“检视”面板中加载 BERT 系列模型。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="319" />
            <source>Cancelled; the previous result is still shown.</source>
            <translation>已取消；仍显示之前的结果。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/widgets/senses_views.py" line="333" />
            <source>Could not write {path}: {error}</source>
            <translation>无法写入 {path}：{error}</translation>
        </message>
    </context>
    <context>
        <name>_TrainingPage</name>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="553" />
            <source>Peak learning rate (AdamW)</source>
            <extracomment>A model folder to open in Explore, and whether to keep ``##`` pieces.</extracomment>
            <translation>峰值学习率（AdamW）</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="555" />
            <source>Share of the steps with a linear warm-up of the learning rate</source>
            <translation>学习率线性预热所占的步数比例</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="556" />
            <source>Decoupled weight decay</source>
            <translation>解耦权重衰减</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="566" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../workbench/ui/panels/bert_panel.py" line="568" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <location filename="../workbench/core/bert/data.py" line="134" />
            <source>the given lines</source>
            <translation>给定的文本行</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="152" />
            <source>{name} holds no text (only empty lines).</source>
            <translation>{name} 不含文本（只有空行）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="187" />
            <source>The tokenizer has no {upper} token; BERT pretraining needs [CLS], [SEP], [PAD], [MASK] and [UNK] (train a WordPiece tokenizer).</source>
            <translation>分词器没有 {upper} 词元；BERT 预训练需要 [CLS]、[SEP]、[PAD]、[MASK] 和 [UNK]（请训练一个 WordPiece 分词器）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="341" />
            <source>Tokenized {done:,} of {n_flat:,} sentences</source>
            <translation>已分词 {done:,}/{n_flat:,} 个句子</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="386" />
            <source>The sequence length must be at least 8 tokens, not {seq_len}.</source>
            <translation>序列长度至少应为 8 个词元，而不是 {seq_len}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="389" />
            <source>The share of random next sentences must be between 0 and 1, not {nsp_prob}.</source>
            <translation>随机下一句的比例应在 0 到 1 之间，而不是 {nsp_prob}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="392" />
            <source>short_seq_prob must be between 0 and 1, not {short_seq_prob}.</source>
            <translation>short_seq_prob 应在 0 到 1 之间，而不是 {short_seq_prob}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="397" />
            <source>Next-sentence prediction needs at least two documents (random partners come from another document), but the corpus has {n_docs}. Separate documents with blank lines, or switch NSP off.</source>
            <translation>下一句预测至少需要两个文档（随机配对的句子取自另一个文档），但语料库中只有 {n_docs} 个。请用空行分隔文档，或关闭 NSP。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="434" />
            <source>Built {n:,} examples</source>
            <translation>已构建 {n:,} 个样本</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="448" />
            <source>Next-sentence prediction needs at least two documents with text.</source>
            <translation>下一句预测至少需要两个含有文本的文档。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="460" />
            <source>Building sentence pairs ({rank:,} of {n_docs:,} documents)</source>
            <translation>正在构建句对（文档 {rank:,}/{n_docs:,}）</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="582" />
            <source>Packing sequences</source>
            <translation>正在打包序列</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="629" />
            <source>The masking ratio must be in (0, 1], not {ratio}.</source>
            <translation>掩码比例应在 (0, 1] 之内，而不是 {ratio}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="634" />
            <source>{name} must be between 0 and 1, not {value}.</source>
            <translation>{name} 应在 0 到 1 之间，而不是 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="638" />
            <source>mask_fraction + random_fraction must be at most 1, not {mask_fraction} + {random_fraction}.</source>
            <translation>mask_fraction + random_fraction 不能大于 1，而此处为 {mask_fraction} + {random_fraction}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/data.py" line="712" />
            <source>The tokenizer's vocabulary holds only special tokens.</source>
            <translation>分词器的词表中只有特殊词元。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="183" />
            <source>{name} must be a whole number of at least 1, not {value!r}.</source>
            <translation>{name} 应为不小于 1 的整数，而不是 {value!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="196" />
            <source>epochs must be more than 0, not {epochs}.</source>
            <translation>epochs 应大于 0，而不是 {epochs}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="199" />
            <source>The learning rate must be more than 0, not {learning_rate}.</source>
            <translation>学习率应大于 0，而不是 {learning_rate}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="202" />
            <source>warmup_ratio must be in [0, 1), not {warmup_ratio}.</source>
            <translation>warmup_ratio 应在 [0, 1) 之内，而不是 {warmup_ratio}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="205" />
            <source>weight_decay must be 0 or more, not {weight_decay}.</source>
            <translation>weight_decay 应不小于 0，而不是 {weight_decay}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="208" />
            <source>max_grad_norm must be 0 or more, not {max_grad_norm}.</source>
            <translation>max_grad_norm 应不小于 0，而不是 {max_grad_norm}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="211" />
            <source>Unknown learning-rate schedule {lr_schedule!r}; choose one of {LR_SCHEDULES}.</source>
            <translation>未知的学习率调度 {lr_schedule!r}；请从 {LR_SCHEDULES} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="219" />
            <source>Unknown device {device!r}; choose one of {_DEVICES} (pick a GPU with CUDA_VISIBLE_DEVICES).</source>
            <translation>未知的设备 {device!r}；请从 {_DEVICES} 中选择（用 CUDA_VISIBLE_DEVICES 指定 GPU）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="223" />
            <source>num_workers must be 0 or more, not {num_workers}.</source>
            <translation>num_workers 应不小于 0，而不是 {num_workers}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="238" />
            <source>Unknown training setting {unknown}; known: {known}.</source>
            <translation>未知的训练设置 {unknown}；可用的设置：{known}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="318" />
            <source>Unknown device {preference!r}; choose one of {_DEVICES}.</source>
            <translation>未知的设备 {preference!r}；请从 {_DEVICES} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="327" />
            <source>The device 'cuda' was chosen, but PyTorch sees no CUDA GPU here. Choose 'auto' or 'cpu'.</source>
            <translation>选择了设备 'cuda'，但 PyTorch 在本机上找不到 CUDA GPU。请选择 'auto' 或 'cpu'。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="330" />
            <source>The device 'mps' was chosen, but Apple's Metal backend is not available here. Choose 'auto' or 'cpu'.</source>
            <translation>选择了设备 'mps'，但本机无法使用 Apple 的 Metal 后端。请选择 'auto' 或 'cpu'。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="340" />
            <source>Unknown precision {precision!r}; choose one of {_PRECISIONS}.</source>
            <translation>未知的精度 {precision!r}；请从 {_PRECISIONS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="347" />
            <source>fp16 needs a GPU; on the CPU choose bf16 or fp32.</source>
            <translation>fp16 需要 GPU；在 CPU 上请选择 bf16 或 fp32。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="349" />
            <source>This GPU does not support bf16; choose fp16 or fp32.</source>
            <translation>此 GPU 不支持 bf16；请选择 fp16 或 fp32。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="513" />
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="516" />
            <source>{minutes} min {seconds:02d} s</source>
            <translation>{minutes} 分 {seconds:02d} 秒</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="518" />
            <source>{hours} h {minutes:02d} min</source>
            <translation>{hours} 小时 {minutes:02d} 分</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="577" />
            <source>Resuming training at step {step:,} of {steps:,}</source>
            <translation>从第 {step:,}/{steps:,} 步恢复训练</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="580" />
            <source>Starting training at step {step:,} of {steps:,}</source>
            <translation>从第 {step:,}/{steps:,} 步开始训练</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="617" />
            <source>Step {step:,} of {steps:,} · ETA {eta}</source>
            <translation>第 {step:,}/{steps:,} 步 · 剩余时间 {eta}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="619" />
            <source>Step {step:,} of {steps:,} · loss {loss:.3f} · ETA {eta}</source>
            <translation>第 {step:,}/{steps:,} 步 · 损失 {loss:.3f} · 剩余时间 {eta}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="869" />
            <source>The output folder {output_dir} cannot be created ({value}).</source>
            <translation>无法创建输出文件夹 {output_dir}（{value}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="877" />
            <source>{output_dir} already holds checkpoints of an earlier run ({value}). Resume that run, or choose an empty output folder.</source>
            <translation>{output_dir} 中已有之前某次运行的检查点（{value}）。请恢复该运行，或选择一个空的输出文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="954" />
            <source>Trained {trainer_state_global_step:,} steps</source>
            <translation>已训练 {trainer_state_global_step:,} 步</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="984" />
            <source>The training data must be a dataset with a length.</source>
            <translation>训练数据必须是有长度的数据集。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="987" />
            <source>The training data holds {n_train:,} examples, fewer than one batch of {batch_size}. Use a larger corpus or a smaller batch size.</source>
            <translation>训练数据只有 {n_train:,} 个样本，少于一批所需的 {batch_size} 个。请使用更大的语料库或更小的批大小。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="990" />
            <source>The training data holds 1 example, fewer than one batch of {batch_size}. Use a larger corpus or a smaller batch size.</source>
            <translation>训练数据只有 1 个样本，少于一批所需的 {batch_size} 个。请使用更大的语料库或更小的批大小。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="993" />
            <source>eval_every is set but there is no evaluation data (set an evaluation share or turn periodic evaluation off).</source>
            <translation>设置了 eval_every，但没有评测数据（请设置评测数据的比例，或关闭定期评测）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="996" />
            <source>metric_for_best={settings_metric_for_best!r} needs evaluation data.</source>
            <translation>metric_for_best={settings_metric_for_best!r} 需要评测数据。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="999" />
            <source>Early stopping needs periodic evaluation: set eval_every.</source>
            <translation>提前停止需要定期评测：请设置 eval_every。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="1072" />
            <source> The checkpoint {saved} was kept; the run resumes from it.</source>
            <translation>检查点 {saved} 已保留；运行将从该检查点恢复。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="1073" />
            <source> No checkpoint could be written.</source>
            <translation>未能写入检查点。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="1077" />
            <source>The GPU ran out of memory at step {step:,} with batch size {settings_batch_size}. Choose a smaller batch size (e.g. {smaller} with gradient accumulation {value} keeps the same effective batch), a shorter sequence length or a smaller model.{kept}</source>
            <translation>GPU 在第 {step:,} 步（批大小 {settings_batch_size}）显存不足。请选择更小的批大小（例如 {smaller}，配合梯度累积 {value}，有效批大小保持不变）、更短的序列长度或更小的模型。{kept}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="1084" />
            <source>{exc}{kept}</source>
            <translation>{exc}{kept}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="1089" />
            <source>Training could not resume from {resume_from}: {exc}. The checkpoint was made with a different model or settings; choose another output folder.</source>
            <translation>无法从 {resume_from} 恢复训练：{exc}。该检查点是用不同的模型或设置生成的；请选择其他输出文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/engine.py" line="1093" />
            <source>Training failed at step {step:,}: {value}: {exc}.{kept}</source>
            <translation>训练在第 {step:,} 步失败：{value}：{exc}。{kept}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="60" />
            <source>The model folder {folder} has no tokenizer (tokenizer.json or vocab.txt), so its embedding rows cannot be named.</source>
            <translation>模型文件夹 {folder} 中没有分词器（tokenizer.json 或 vocab.txt），因此无法为嵌入矩阵的各行命名。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="96" />
            <source>The tokenizer in {folder} cannot be read ({exc}).</source>
            <translation>无法读取 {folder} 中的分词器（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="100" />
            <source>The tokenizer in {folder} has an empty vocabulary.</source>
            <translation>{folder} 中的分词器词表为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="126" />
            <source>The weights file {shard} cannot be read ({exc}).</source>
            <translation>无法读取权重文件 {shard}（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="135" />
            <source>The model in {folder} has no word-embedding matrix (no weight named …{WORD_EMBEDDINGS_KEY}); is it a BERT model?</source>
            <translation>{folder} 中的模型没有词嵌入矩阵（没有名为 …{WORD_EMBEDDINGS_KEY} 的权重）；它是 BERT 模型吗？</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="169" />
            <source>The model folder {folder} does not exist.</source>
            <translation>模型文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="173" />
            <source>The weight {key} in {folder} is not a matrix (shape {matrix_shape}).</source>
            <translation>{folder} 中的权重 {key} 不是矩阵（形状为 {matrix_shape}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="180" />
            <source>The tokenizer of {folder} has token ids up to {max:,}, but the model's word-embedding matrix has only {matrix_shape:,} rows: they do not belong together.</source>
            <translation>{folder} 的分词器中词元 id 最大为 {max:,}，但模型的词嵌入矩阵只有 {matrix_shape:,} 行：两者不匹配。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="197" />
            <source>The tokenizer of {folder} has no whole-word tokens to show.</source>
            <translation>{folder} 的分词器中没有可显示的整词词元。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="201" />
            <source>BERT input embeddings (WordPiece tokens) of {folder}</source>
            <translation>{folder} 的 BERT 输入嵌入（WordPiece 词元）</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/export.py" line="203" />
            <source>BERT input embeddings (whole-word WordPiece tokens) of {folder}</source>
            <translation>{folder} 的 BERT 输入嵌入（整词 WordPiece 词元）</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="154" />
            <source>Unknown fine-tuning task {task!r}; choose one of {TASKS}.</source>
            <translation>未知的微调任务 {task!r}；请从 {TASKS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="157" />
            <source>Choose a training file.</source>
            <translation>请选择训练文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="159" />
            <source>Choose a model folder (a pretrained BERT with its tokenizer).</source>
            <translation>请选择模型文件夹（含分词器的预训练 BERT）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="164" />
            <source>The label set needs at least two different labels.</source>
            <translation>标签集至少需要两个不同的标签。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="166" />
            <source>The maximum length must be at least 8 tokens, not {max_length}.</source>
            <translation>最大长度至少应为 8 个词元，而不是 {max_length}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="169" />
            <source>The document stride ({doc_stride}) must be between 0 and the maximum length ({max_length}).</source>
            <translation>文档步幅（{doc_stride}）应在 0 与最大长度（{max_length}）之间。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="173" />
            <source>The maximum answer length and n-best must be at least 1.</source>
            <translation>最大答案长度和 n-best 至少应为 1。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="175" />
            <source>The example limit must be at least 1, not {limit}.</source>
            <translation>样本数上限至少应为 1，而不是 {limit}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="178" />
            <source>The held-out fraction must be in [0, 1), not {eval_fraction}.</source>
            <translation>留出比例应在 [0, 1) 之内，而不是 {eval_fraction}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="181" />
            <source>Unknown tagging scheme {tag_scheme!r}; choose IOB2 (= BIO) or IOB1.</source>
            <translation>未知的标注方案 {tag_scheme!r}；请选择 IOB2（= BIO）或 IOB1。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="205" />
            <source>Unknown fine-tuning settings: {unknown}.</source>
            <translation>未知的微调设置：{unknown}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="223" />
            <source>The fine-tuning settings are not valid JSON ({exc}).</source>
            <translation>微调设置不是有效的 JSON（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="227" />
            <source>The fine-tuning settings must be a JSON object.</source>
            <translation>微调设置必须是一个 JSON 对象。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="326" />
            <source>the training file {name}</source>
            <translation>训练文件 {name}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="334" />
            <source>{train_path} has a single label ({labels!r}); a classifier needs at least two.</source>
            <translation>{train_path} 只有一个标签（{labels!r}）；分类器至少需要两个。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="381" />
            <source>Reading the data</source>
            <translation>正在读取数据</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="387" />
            <source>held out {n_eval} of {n_all} training examples for evaluation</source>
            <translation>从 {n_all} 个训练样本中留出 {n_eval} 个用于评测</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="390" />
            <source>No training examples are left in {request_train_file}.</source>
            <translation>{request_train_file} 中没有剩下可用的训练样本。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="394" />
            <source>Encoding {n_train_ex:,} training examples</source>
            <translation>正在编码 {n_train_ex:,} 个训练样本</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="407" />
            <source>{lost} evaluation words lie beyond {n} tokens and count as 'O'</source>
            <translation>有 {lost} 个评测词超出了 {n} 个词元的范围，按 'O' 计</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="460" />
            <source>Evaluating: {done:,} of {n:,}</source>
            <translation>正在评测：{done:,}/{n:,}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="639" />
            <source>training file</source>
            <translation>训练文件</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="640" />
            <source>evaluation file</source>
            <translation>评测文件</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="642" />
            <source>The {what} {name} does not exist.</source>
            <translation>{what} {name} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="645" />
            <source>The model folder {request_model} does not exist.</source>
            <translation>模型文件夹 {request_model} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="705" />
            <source>The maximum length ({request_max_length}) is longer than the model's {max_pos} positions.</source>
            <translation>最大长度（{request_max_length}）超过了模型的 {max_pos} 个位置。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="712" />
            <source>Training on {n_prep_train:,} examples</source>
            <translation>正在用 {n_prep_train:,} 个样本训练</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="828" />
            <source>Fine-tuning finished</source>
            <translation>微调完成</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune.py" line="829" />
            <source>Fine-tuning finished: {metrics}</source>
            <translation>微调完成：{metrics}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="84" />
            <source>{path} does not exist or is not a file.</source>
            <translation>{path} 不存在或不是文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="93" />
            <source>Line {number} of {path} is not valid UTF-8 (byte {value} of the line). Save the file as UTF-8 and try again.</source>
            <translation>{path} 第 {number} 行不是有效的 UTF-8（该行第 {value} 个字节）。请将文件另存为 UTF-8 后重试。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="101" />
            <source>{path} cannot be read ({exc}).</source>
            <translation>无法读取 {path}（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="209" />
            <source>Cannot tell how the columns of {path} are separated: its first line has neither tabs nor commas. Use a .tsv or .csv file with a header row (for example 'sentence&lt;TAB&gt;label').</source>
            <translation>无法判断 {path} 的列分隔方式：其第一行既没有制表符也没有逗号。请使用带表头行的 .tsv 或 .csv 文件（例如 'sentence&lt;TAB&gt;label'）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="238" />
            <source>Line {line} of {path} is not valid CSV ({exc}).</source>
            <translation>{path} 第 {line} 行不是有效的 CSV（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="249" />
            <source>{path} has no {what} column {name!r}; its columns are {items}.</source>
            <translation>{path} 中没有{what}列 {name!r}；其列为 {items}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="275" />
            <source>two text columns and a label column</source>
            <translation>两个文本列和一个标签列</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="276" />
            <source>a text and a label column</source>
            <translation>一个文本列和一个标签列</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="280" />
            <source>Cannot tell which columns of {path} hold the texts and labels: its header is {items}. Expected {expect} such as {hint}; or name the columns in the settings.</source>
            <translation>无法判断 {path} 的哪些列是文本和标签：其表头为 {items}。应有{expect}，例如 {hint}；或在设置中指定列名。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="284" />
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="285" />
            <source>second-text</source>
            <translation>第二文本</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="288" />
            <source>label</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="292" />
            <source>{path} has no label column (looked for {_LABEL_NAMES}); name it in the settings.</source>
            <translation>{path} 中没有标签列（查找过 {_LABEL_NAMES}）；请在设置中指定。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="341" />
            <source>{path} is empty or its first line is blank: it needs a header row naming the columns (for example 'sentence&lt;TAB&gt;label').</source>
            <translation>{path} 为空或第一行是空行：它需要一个给出各列名称的表头行（例如 'sentence&lt;TAB&gt;label'）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="351" />
            <source>{path} has a single text column ({header!r}); sentence-pair classification needs two.</source>
            <translation>{path} 只有一个文本列（{header!r}）；句对分类需要两个。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="355" />
            <source>{path} holds sentence pairs ({header!r}, {header2!r}); choose sentence-pair classification.</source>
            <translation>{path} 包含句对（{header!r}、{header2!r}）；请选择句对分类。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="360" />
            <source>the label set</source>
            <translation>标签集</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="361" />
            <source>tab</source>
            <translation>制表符</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="361" />
            <source>comma</source>
            <translation>逗号</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="370" />
            <source>Line {number} of {path} has {n_row} {sep_name}-separated columns but the header has {n_header} ({header}).</source>
            <translation>{path} 第 {number} 行有 {n_row} 列（以{sep_name}分隔），但表头有 {n_header} 列（{header}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="376" />
            <source>Line {number} of {path}: the text column {header!r} is empty.</source>
            <translation>{path} 第 {number} 行：文本列 {header!r} 为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="383" />
            <source>Line {number} of {path}: the second text column {header!r} is empty.</source>
            <translation>{path} 第 {number} 行：第二文本列 {header!r} 为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="388" />
            <source>Line {number} of {path}: the label column {header!r} is empty.</source>
            <translation>{path} 第 {number} 行：标签列 {header!r} 为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="393" />
            <source>Line {number} of {path}: the label {label!r} does not occur in {source} ({sort_labels}).</source>
            <translation>{path} 第 {number} 行：标签 {label!r} 不在{source}中（{sort_labels}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="398" />
            <source>{path} has a header but no examples.</source>
            <translation>{path} 有表头，但没有样本。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="486" />
            <source>Line {number} of {path} has a single column; a CoNLL file needs a word and a tag on every token line.</source>
            <translation>{path} 第 {number} 行只有一列；CoNLL 文件的每个词元行都需要一个词和一个标签。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="490" />
            <source>word</source>
            <translation>词</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="490" />
            <source>tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="492" />
            <source>The {name} column {index} does not exist: line {number} of {path} has {n_columns} columns.</source>
            <translation>列号 {index}（{name}）不存在：{path} 第 {number} 行只有 {n_columns} 列。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="499" />
            <source>Line {number} of {path} has {n_cols} columns but line {first_line} has {n_columns}; every token line needs the same columns (word ... tag).</source>
            <translation>{path} 第 {number} 行有 {n_cols} 列，但第 {first_line} 行有 {n_columns} 列；每个词元行的列必须相同（词 ... 标签）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="506" />
            <source>Line {number} of {path} has an empty word or tag.</source>
            <translation>{path} 第 {number} 行的词或标签为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="511" />
            <source>Line {number} of {path}: the tag {tag!r} does not occur in {source} ({sort_labels}).</source>
            <translation>{path} 第 {number} 行：标签 {tag!r} 不在{source}中（{sort_labels}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="521" />
            <source>{path} contains no tagged sentences.</source>
            <translation>{path} 中没有已标注的句子。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="598" />
            <source>Line {exc_lineno} of {path} is not valid JSON ({exc_msg}, column {exc_colno}).</source>
            <translation>{path} 第 {exc_lineno} 行不是有效的 JSON（{exc_msg}，第 {exc_colno} 列）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="602" />
            <source>{path} is not in the SQuAD layout: it needs a top-level "data" list of articles with "paragraphs".</source>
            <translation>{path} 不是 SQuAD 格式：它需要一个顶层的 "data" 列表，列表中是含有 "paragraphs" 的文章。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="611" />
            <source>Article {value} ({title!r}) of {path} has no "paragraphs" list.</source>
            <translation>{path} 的第 {value} 篇文章（{title!r}）没有 "paragraphs" 列表。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="616" />
            <source>Paragraph {value} of article {value2} ({title!r}) in {path} needs a "context" string and a "qas" list.</source>
            <translation>{path} 中第 {value2} 篇文章（{title!r}）的第 {value} 个段落需要一个 "context" 字符串和一个 "qas" 列表。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="621" />
            <source>Paragraph {value} of article {value2} ({title!r}) in {path} has an empty context.</source>
            <translation>{path} 中第 {value2} 篇文章（{title!r}）的第 {value} 个段落的上下文为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="628" />
            <source>question {qid!r}</source>
            <translation>问题 {qid!r}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="629" />
            <source>a question of paragraph {number}</source>
            <translation>第 {number} 段中的一个问题</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="631" />
            <source>In {path}, {where} of article {value} has no "id".</source>
            <translation>在 {path} 中，第 {value} 篇文章的{where}没有 "id"。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="635" />
            <source>In {path}, the question id {qid!r} occurs twice.</source>
            <translation>在 {path} 中，问题 id {qid!r} 出现了两次。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="641" />
            <source>In {path}, {where} has an empty question.</source>
            <translation>在 {path} 中，{where}的文本为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="650" />
            <source>In {path}, an answer of {where} needs "text" and an integer "answer_start".</source>
            <translation>在 {path} 中，{where}的答案需要 "text" 和整数 "answer_start"。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="654" />
            <source>In {path}, {where} has an empty answer text.</source>
            <translation>在 {path} 中，{where}的答案文本为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="659" />
            <source>In {path}, the answer {text!r} of {where} does not occur in its context.</source>
            <translation>在 {path} 中，{where}的答案 {text!r} 没有出现在其上下文中。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="664" />
            <source>In {path}, {where} has no answer and is not marked "is_impossible".</source>
            <translation>在 {path} 中，{where}没有答案，也没有标记为 "is_impossible"。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="669" />
            <source>{path} contains no questions.</source>
            <translation>{path} 中没有问题。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="695" />
            <source>{what} needs a fast tokenizer (a tokenizer.json file in the model folder) for its offset mapping; this model has a slow one.</source>
            <translation>{what}需要快速分词器（模型文件夹中的 tokenizer.json 文件）来获得偏移映射；此模型只有慢速分词器。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="790" />
            <source>Token tagging</source>
            <translation>词元标注</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="866" />
            <source>Question answering</source>
            <translation>问答</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="871" />
            <source>Question answering expects a tokenizer that pads on the right.</source>
            <translation>问答任务要求分词器在右侧填充。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="881" />
            <source>Windows of {max_length} tokens leave {max} tokens for the context after the longest question ({worst!r}, {longest} tokens), which is not more than the document stride of {doc_stride}: raise the maximum length or lower the stride.</source>
            <translation>{max_length} 个词元的窗口在放入最长的问题（{worst!r}，{longest} 个词元）之后，只剩 {max} 个词元留给上下文，不大于文档步幅 {doc_stride}：请增大最大长度或减小步幅。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/finetune_data.py" line="892" />
            <source>Questions and contexts cannot be cut into windows of {max_length} tokens with a document stride of {doc_stride} (the longest question takes {longest} tokens): raise the maximum length or lower the stride ({exc}).</source>
            <translation>无法以文档步幅 {doc_stride} 把问题和上下文切分成 {max_length} 个词元的窗口（最长的问题占 {longest} 个词元）：请增大最大长度或减小步幅（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="160" />
            <source>hidden ({hidden}) must be a multiple of heads ({heads}): each head gets hidden / heads dimensions.</source>
            <translation>hidden（{hidden}）必须是 heads（{heads}）的整数倍：每个注意力头分得 hidden / heads 维。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="201" />
            <source>size must be a ModelSize, not {value}.</source>
            <translation>size 必须是 ModelSize，而不是 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="212" />
            <source>The BERT configuration is not valid: {exc}</source>
            <translation>BERT 配置无效：{exc}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="266" />
            <source>Unknown model head {head!r}; choose one of {HEADS}.</source>
            <translation>未知的模型输出头 {head!r}；请从 {HEADS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="308" />
            <source>≈ {total} to train ({parameters:,} parameters; weights {weights}, gradients {gradients}, AdamW {optimizer}, activations {activations} for {batch_size} x {seq_len} tokens, {precision})</source>
            <translation>训练约需 {total}（{parameters:,} 个参数；权重 {weights}，梯度 {gradients}，AdamW {optimizer}，{batch_size} x {seq_len} 个词元的激活值 {activations}，{precision}）</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="340" />
            <source>Unknown precision {precision!r}; choose one of {PRECISIONS}.</source>
            <translation>未知的精度 {precision!r}；请从 {PRECISIONS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="345" />
            <source>seq_len ({seq_len}) is longer than the model's {size_max_position} positions (max_position).</source>
            <translation>seq_len（{seq_len}）超过了模型的 {size_max_position} 个位置（max_position）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="439" />
            <source>{path} is not valid JSON (line {exc_lineno}, column {exc_colno}: {exc_msg}).</source>
            <translation>{path} 不是有效的 JSON（第 {exc_lineno} 行，第 {exc_colno} 列：{exc_msg}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="444" />
            <source>{path} cannot be read: {exc}.</source>
            <translation>无法读取 {path}：{exc}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="461" />
            <source>The weights file {path} is not a valid safetensors file ({exc}); it may be truncated.</source>
            <translation>权重文件 {path} 不是有效的 safetensors 文件（{exc}）；文件可能已被截断。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="484" />
            <source>The weights file {path} contains Python objects that are not tensors, and loading those could run code hidden in the file. The workbench reads .bin checkpoints only with torch.load(weights_only=True), which refuses it. Use the model's model.safetensors instead, or convert the checkpoint with a tool you trust. (torch: {splitlines})</source>
            <translation>权重文件 {path} 中含有不是张量的 Python 对象，加载它们可能会运行隐藏在文件中的代码。本程序只用 torch.load(weights_only=True) 读取 .bin 检查点，而它拒绝加载此文件。请改用该模型的 model.safetensors，或用可信的工具转换该检查点。（torch：{splitlines}）</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="491" />
            <source>The weights file {path} cannot be read; it may be corrupt or truncated ({exc}).</source>
            <translation>无法读取权重文件 {path}；文件可能已损坏或被截断（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="495" />
            <source>The weights file {path} does not hold a dictionary of tensors (a state dict).</source>
            <translation>权重文件 {path} 中不是张量字典（state dict）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="523" />
            <source>The shard index {path} has no weight_map.</source>
            <translation>分片索引 {path} 中没有 weight_map。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="529" />
            <source>The model in {folder} is split into {n_shards} weight files, but {missing} is missing.</source>
            <translation>{folder} 中的模型分为 {n_shards} 个权重文件，但缺少 {missing}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="532" />
            <source>The model in {folder} is split into {n_shards} weight files, but {missing} are missing.</source>
            <translation>{folder} 中的模型分为 {n_shards} 个权重文件，但缺少 {missing}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="539" />
            <source> It has {name}, a format the workbench does not load.</source>
            <translation>其中有 {name}，这是本程序不加载的格式。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="542" />
            <source>The folder {folder} has config.json but no weights: model.safetensors (or pytorch_model.bin) is missing.{hint}</source>
            <translation>文件夹 {folder} 中有 config.json，但没有权重：缺少 model.safetensors（或 pytorch_model.bin）。{hint}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="574" />
            <source>The folder {folder} has no config.json, so it is not a Hugging Face model folder (expected config.json, model.safetensors and the tokenizer files).</source>
            <translation>文件夹 {folder} 中没有 config.json，因此不是 Hugging Face 模型文件夹（应包含 config.json、model.safetensors 和分词器文件）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="580" />
            <source>{config_path} does not hold a JSON object.</source>
            <translation>{config_path} 中不是 JSON 对象。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="584" />
            <source>{config_path} has no model_type, so the kind of model is unknown.</source>
            <translation>{config_path} 中没有 model_type，因此无法确定模型类型。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="595" />
            <source>The folder {folder} has no tokenizer: tokenizer.json (or vocab.txt) is missing. Train one or copy the model's tokenizer files into the folder.</source>
            <translation>文件夹 {folder} 中没有分词器：缺少 tokenizer.json（或 vocab.txt）。请训练一个分词器，或把模型的分词器文件复制到该文件夹中。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="648" />
            <source>trust_remote_code is never used: the workbench does not run code that comes with a model folder.</source>
            <translation>从不使用 trust_remote_code：本程序不会运行模型文件夹附带的代码。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="657" />
            <source>The model in {info_folder} is of type {info_model_type!r}, which transformers does not know; it would need Python code from the folder, and the workbench never runs such code (trust_remote_code).</source>
            <translation>{info_folder} 中的模型类型为 {info_model_type!r}，transformers 不认识该类型；加载它需要运行该文件夹中的 Python 代码，而本程序从不运行此类代码（trust_remote_code）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="670" />
            <source>A {info_model_type} model has no {head} head in transformers; choose another head.</source>
            <translation>在 transformers 中，{info_model_type} 模型没有 {head} 输出头；请选择其他输出头。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="673" />
            <source>The model in {info_folder} cannot be loaded: {exc}</source>
            <translation>无法加载 {info_folder} 中的模型：{exc}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="714" />
            <source>model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/models.py" line="722" />
            <source>The model was not saved as safetensors.</source>
            <translation>模型没有保存为 safetensors 格式。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="179" />
            <source>No corpus was given.</source>
            <translation>没有指定语料库。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="183" />
            <source>Unknown model size {size!r}; choose one of {PRESETS}.</source>
            <translation>未知的模型规模 {size!r}；请从 {PRESETS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="186" />
            <source>masking must be MaskingSettings.</source>
            <translation>masking 必须是 MaskingSettings。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="188" />
            <source>eval_masking must be MaskingSettings or None.</source>
            <translation>eval_masking 必须是 MaskingSettings 或 None。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="190" />
            <source>training must be TrainingSettings.</source>
            <translation>training 必须是 TrainingSettings。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="192" />
            <source>seq_len must be between 8 and 8192, not {seq_len}.</source>
            <translation>seq_len 应在 8 到 8192 之间，而不是 {seq_len}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="195" />
            <source>eval_fraction must be in [0, 0.5), not {eval_fraction}.</source>
            <translation>eval_fraction 应在 [0, 0.5) 之内，而不是 {eval_fraction}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="198" />
            <source>nsp_prob must be between 0 and 1, not {nsp_prob}.</source>
            <translation>nsp_prob 应在 0 到 1 之间，而不是 {nsp_prob}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="201" />
            <source>dropout must be in [0, 1), not {dropout}.</source>
            <translation>dropout 应在 [0, 1) 之内，而不是 {dropout}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="204" />
            <source>freeze_steps must be 0 or more, not {freeze_steps}.</source>
            <translation>freeze_steps 应不小于 0，而不是 {freeze_steps}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="222" />
            <source>A pretraining config must be a JSON object.</source>
            <translation>预训练配置必须是一个 JSON 对象。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="226" />
            <source>Unknown pretraining setting {unknown}; known: {known}.</source>
            <translation>未知的预训练设置 {unknown}；可用的设置：{known}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="229" />
            <source>The config has no 'corpus' (the text file or folder).</source>
            <translation>配置中没有 'corpus'（文本文件或文件夹）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="241" />
            <source>The pretraining config is not valid: {exc}.</source>
            <translation>预训练配置无效：{exc}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="253" />
            <source>The pretraining config is not valid JSON: {exc_msg} at line {exc_lineno}, column {exc_colno}.</source>
            <translation>预训练配置不是有效的 JSON：第 {exc_lineno} 行第 {exc_colno} 列，{exc_msg}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="274" />
            <source>The config file {path} cannot be read ({value}).</source>
            <translation>无法读取配置文件 {path}（{value}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="279" />
            <source>{path}: {exc}</source>
            <translation>{path}: {exc}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="308" />
            <source>Unknown {key} setting {unknown}; known: {known}.</source>
            <translation>未知的 {key} 设置 {unknown}；可用的设置：{known}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="588" />
            <source>The corpus {corpus} gives only {n_train:,} training examples of up to {seq_len} tokens (from {n_documents:,} documents), fewer than one batch of {batch}. Use a larger corpus, a smaller batch size or a shorter sequence length.</source>
            <translation>语料库 {corpus} 只能得到 {n_train:,} 个训练样本（每个最多 {seq_len} 个词元，来自 {n_documents:,} 个文档），少于一批所需的 {batch} 个。请使用更大的语料库、更小的批大小或更短的序列长度。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="655" />
            <source>The first process did not write the tokenizer {folder}.</source>
            <translation>第一个进程没有写出分词器 {folder}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="658" />
            <source>Training the WordPiece tokenizer…</source>
            <translation>正在训练 WordPiece 分词器…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="710" />
            <source>The tokenizer has {n_tokenizer:,} tokens but the model in {request_model} has only {vocab:,} embedding rows; use the model's own tokenizer.</source>
            <translation>分词器有 {n_tokenizer:,} 个词元，但 {request_model} 中的模型只有 {vocab:,} 行嵌入；请使用该模型自带的分词器。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="716" />
            <source>seq_len {request_seq_len} is longer than the model's {positions} positions.</source>
            <translation>seq_len {request_seq_len} 超过了模型的 {positions} 个位置。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="720" />
            <source>continued from {model}</source>
            <translation>从 {model} 继续</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="728" />
            <source>new {size} model ({layers} layers, hidden {hidden}, {heads} heads)</source>
            <translation>新的 {size} 模型（{layers} 层，隐藏层维度 {hidden}，{heads} 个注意力头）</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="735" />
            <source>Reading static vectors {request_static_vectors}…</source>
            <translation>正在读取静态词向量 {request_static_vectors}…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="739" />
            <source>{model}; {static_init}</source>
            <translation>{model}; {static_init}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="785" />
            <source>Multi-process (torchrun) runs need an output_dir in the config, the same for every process.</source>
            <translation>多进程（torchrun）运行需要在配置中指定 output_dir，且所有进程使用同一个。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="846" />
            <source>Building the model…</source>
            <translation>正在构建模型…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="951" />
            <source>Give at least one mask ratio.</source>
            <translation>请至少给出一个掩码比例。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/pretrain.py" line="986" />
            <source>The number of processes must be 1 or more, not {nproc!r}.</source>
            <translation>进程数至少应为 1，而不是 {nproc!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="143" />
            <source>{started:,} of {vocab:,} tokens ({share:.1%}) start from static vectors: {whole:,} whole words ({by_case:,} by case), {subword:,} from subword vectors; {random:,} stay random ({special} special).</source>
            <translation>{vocab:,} 个词元中有 {started:,} 个（{share:.1%}）以静态词向量为起点：{whole:,} 个整词（其中 {by_case:,} 个通过大小写匹配），{subword:,} 个来自子词向量；{random:,} 个保持随机初始化（其中 {special} 个特殊词元）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="150" />
            <source>copied as they are</source>
            <translation>原样复制</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="150" />
            <source>reduced by PCA</source>
            <translation>用 PCA 降维</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="151" />
            <source>zero-padded</source>
            <translation>补零</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="152" />
            <source>mapped by a random orthogonal matrix</source>
            <translation>用随机正交矩阵映射</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="153" />
            <source>Vectors of size {size} were centred, {projected} to {hidden} and scaled by {scale:.4g}.</source>
            <translation>{size} 维的词向量先中心化，再{projected}到 {hidden} 维，并乘以 {scale:.4g} 进行缩放。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="158" />
            <source>{rows} {how}</source>
            <translation>{rows} {how}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="159" />
            <source>{rows} They cover {coverage:.1%} of the corpus tokens. {how}</source>
            <translation>{rows}它们覆盖了语料库中 {coverage:.1%} 的词元。{how}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="216" />
            <source>Unknown projection {projection!r}; choose one of {PROJECTIONS}.</source>
            <translation>未知的投影方式 {projection!r}；请从 {PROJECTIONS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="220" />
            <source>Give texts or token_counts for the corpus coverage, not both.</source>
            <translation>计算语料库覆盖率时，texts 和 token_counts 只能给出其一，不能同时给出。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="222" />
            <source>The static vectors are empty.</source>
            <translation>静态词向量为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="229" />
            <source>The tokenizer has {n_vocab:,} tokens but the model's embedding matrix has only {n_rows:,} rows; build the model with vocab_size=len(tokenizer).</source>
            <translation>分词器有 {n_vocab:,} 个词元，但模型的嵌入矩阵只有 {n_rows:,} 行；请用 vocab_size=len(tokenizer) 构建模型。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="241" />
            <source>Matching {n_vocab:,} tokens to {n_emb:,} vectors…</source>
            <translation>正在将 {n_vocab:,} 个词元与 {n_emb:,} 个词向量匹配…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="277" />
            <source>Writing {n_ids:,} rows…</source>
            <translation>正在写入 {n_ids:,} 行…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="289" />
            <source>The static vectors are all equal once centred, so they carry nothing to copy into the model.</source>
            <translation>静态词向量中心化后全部相同，因此没有可复制到模型中的信息。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="371" />
            <source>subword_vector returned {arr_size} values for {token!r}; the static vectors have {d}.</source>
            <translation>subword_vector 为 {token!r} 返回了 {arr_size} 个值；而静态词向量有 {d} 维。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="374" />
            <source>subword_vector returned NaN or infinity for {token!r}.</source>
            <translation>subword_vector 为 {token!r} 返回了 NaN 或无穷大。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="434" />
            <source>texts must be a list or iterable of texts, not a single string.</source>
            <translation>texts 必须是文本的列表或可迭代对象，而不是单个字符串。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="446" />
            <source>Counted the tokens of {done:,} texts</source>
            <translation>已统计 {done:,} 段文本的词元</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/static_init.py" line="482" />
            <source>The number of steps to freeze the embeddings must be a whole number of at least 0, not {steps!r}.</source>
            <translation>冻结嵌入的步数应为不小于 0 的整数，而不是 {steps!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="172" />
            <source>special_tokens must be a list of token strings, not {special_tokens!r}.</source>
            <translation>special_tokens 必须是词元字符串的列表，而不是 {special_tokens!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="177" />
            <source>The special token {tok!r} must be a non-empty string without spaces.</source>
            <translation>特殊词元 {tok!r} 必须是不含空格的非空字符串。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="181" />
            <source>The special token {dup} is listed twice.</source>
            <translation>特殊词元 {dup} 列出了两次。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="185" />
            <source>special_tokens must include {BERT_SPECIAL_TOKENS} (BERT needs them); {missing} is missing.</source>
            <translation>special_tokens 必须包含 {BERT_SPECIAL_TOKENS}（BERT 需要它们）；缺少 {missing}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="192" />
            <source>vocab_size ({vocab_size:,}) must be larger than the number of special tokens ({n_special}); a useful WordPiece vocabulary has thousands of tokens.</source>
            <translation>vocab_size（{vocab_size:,}）必须大于特殊词元的数量（{n_special}）；实用的 WordPiece 词表有数千个词元。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="202" />
            <source>{name} must be true or false, not {getattr!r}.</source>
            <translation>{name} 必须是 true 或 false，而不是 {getattr!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="299" />
            <source>settings must be WordPieceSettings, not {value}.</source>
            <translation>settings 必须是 WordPieceSettings，而不是 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="302" />
            <source>tokenizer</source>
            <translation>分词器</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="320" />
            <source>Reading the corpus…</source>
            <translation>正在读取语料库…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="324" />
            <source>The corpus has no text to train a tokenizer on (all {seen:,} texts are blank).</source>
            <translation>语料库中没有可用于训练分词器的文本（全部 {seen:,} 段文本都是空白）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="326" />
            <source>The corpus has no text to train a tokenizer on.</source>
            <translation>语料库中没有可用于训练分词器的文本。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="328" />
            <source>Checking the vocabulary…</source>
            <translation>正在检查词表…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="337" />
            <source>Writing the tokenizer…</source>
            <translation>正在写入分词器…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="346" />
            <source>Tokenizer with {stats_vocab_size:,} tokens written to {out_dir}.</source>
            <translation>已将含 {stats_vocab_size:,} 个词元的分词器写入 {out_dir}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="380" />
            <source>Text {seen:,} is a {value}, not a string.</source>
            <translation>第 {seen:,} 段文本是 {value}，而不是字符串。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="392" />
            <source>Read {seen:,} texts</source>
            <translation>已读取 {seen:,} 段文本</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="400" />
            <source>Read {seen:,} texts; learning merges…</source>
            <translation>已读取 {seen:,} 段文本；正在学习合并规则…</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="440" />
            <source>vocab_size ({settings_vocab_size:,}) is too small for this corpus: the {n_settings_special_tokens} special tokens and the {value:,} characters and ##-pieces of its alphabet alone need {needed:,} entries. Choose a vocab_size of at least {needed:,} (a few thousand is usual), or lower limit_alphabet.</source>
            <translation>vocab_size（{settings_vocab_size:,}）对这个语料库来说太小：仅 {n_settings_special_tokens} 个特殊词元加上其字母表中的 {value:,} 个字符和 ## 片段，就需要 {needed:,} 个条目。请把 vocab_size 设为至少 {needed:,}（通常为几千），或减小 limit_alphabet。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="494" />
            <source>The vocabulary has {n:,} tokens, fewer than the {asked:,} asked for: no pair of pieces occurs {min_frequency} times or more any more. A larger corpus or a lower min_frequency gives more tokens.</source>
            <translation>词表有 {n:,} 个词元，少于要求的 {asked:,} 个：已没有出现 {min_frequency} 次及以上的片段对。使用更大的语料库或更低的 min_frequency 可以得到更多词元。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="500" />
            <source>all characters were kept</source>
            <translation>保留了所有字符</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="501" />
            <source>limit_alphabet={limit:,} kept only the most frequent characters</source>
            <translation>limit_alphabet={limit:,} 只保留了最常见的字符</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="503" />
            <source>{share:.2%} of the tokens of the first {n_texts:,} texts are [UNK] (e.g. {examples}): a word with a character outside the alphabet ({limit}) or longer than {max_chars} characters becomes one [UNK]. Raise limit_alphabet, or split Chinese characters, to lower it.</source>
            <translation>前 {n_texts:,} 段文本的词元中有 {share:.2%} 是 [UNK]（例如 {examples}）：含有字母表之外字符的词（{limit}）或长于 {max_chars} 个字符的词都会变成一个 [UNK]。增大 limit_alphabet 或拆分汉字可以降低这一比例。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="539" />
            <source>The token {bad!r} contains a line break and cannot be written to vocab.txt.</source>
            <translation>词元 {bad!r} 含有换行符，无法写入 vocab.txt。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="594" />
            <source>The tokenizer folder {folder} does not exist.</source>
            <translation>分词器文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="598" />
            <source>The folder {folder} has no tokenizer: tokenizer.json (or vocab.txt for a BERT WordPiece vocabulary) is missing. Train a tokenizer or copy the model's tokenizer files into the folder.</source>
            <translation>文件夹 {folder} 中没有分词器：缺少 tokenizer.json（对 BERT WordPiece 词表则为 vocab.txt）。请训练一个分词器，或把模型的分词器文件复制到该文件夹中。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="605" />
            <source>The tokenizer in {folder} cannot be loaded: {exc}</source>
            <translation>无法加载 {folder} 中的分词器：{exc}</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="609" />
            <source>The tokenizer in {folder} has no fast (Rust) version; the workbench needs tokenizer.json or a BERT vocab.txt.</source>
            <translation>{folder} 中的分词器没有快速（Rust）版本；本程序需要 tokenizer.json 或 BERT 的 vocab.txt。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="621" />
            <source>{target} is a file; choose a folder to write the {what} to.</source>
            <translation>{target} 是一个文件；请选择一个文件夹作为{what}的写入位置。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="628" />
            <source>The folder {target} already holds other files (e.g. {others!r}); writing the {what} there would replace them. Choose an empty or new folder.</source>
            <translation>文件夹 {target} 中已有其他文件（例如 {others!r}）；在那里写入{what}会替换它们。请选择一个空文件夹或新文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/core/bert/tokenizer.py" line="649" />
            <source>No temporary folder can be made beside {target}.</source>
            <translation>无法在 {target} 旁边创建临时文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/cache.py" line="68" />
            <source>Using the tokenized cache of {corpus_display_name}</source>
            <translation>正在使用 {corpus_display_name} 的分词缓存</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="72" />
            <source>PNG image</source>
            <translation>PNG 图像</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="73" />
            <source>PDF document</source>
            <translation>PDF 文档</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="74" />
            <source>ZIP archive</source>
            <translation>ZIP 压缩包</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="76" />
            <source>gzip archive</source>
            <translation>gzip 压缩文件</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="77" />
            <source>bzip2 archive</source>
            <translation>bzip2 压缩文件</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="78" />
            <source>xz archive</source>
            <translation>xz 压缩文件</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="79" />
            <source>7-Zip archive</source>
            <translation>7-Zip 压缩包</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="80" />
            <source>RAR archive</source>
            <translation>RAR 压缩包</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="81" />
            <source>JPEG image</source>
            <translation>JPEG 图像</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="82" />
            <source>GIF image</source>
            <translation>GIF 图像</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="84" />
            <source>TIFF image</source>
            <translation>TIFF 图像</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="86" />
            <source>program (ELF)</source>
            <translation>ELF 可执行程序</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="87" />
            <source>Microsoft Office document</source>
            <translation>Microsoft Office 文档</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="88" />
            <source>SQLite database</source>
            <translation>SQLite 数据库</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="89" />
            <source>Java class file</source>
            <translation>Java 类文件</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="90" />
            <source>NumPy array</source>
            <translation>NumPy 数组</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="91" />
            <source>Ogg media file</source>
            <translation>Ogg 媒体文件</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="92" />
            <source>MP3 audio</source>
            <translation>MP3 音频</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="93" />
            <source>FLAC audio</source>
            <translation>FLAC 音频</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="171" />
            <source>it contains NUL bytes</source>
            <translation>其中含有 NUL 字节</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="242" />
            <source>No corpus file or folder was given.</source>
            <translation>未指定语料库文件或文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="244" />
            <source>The maximum line length must be at least 1 character, not {options_max_line_chars}.</source>
            <translation>最大行长度至少应为 1 个字符，而不是 {options_max_line_chars}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="251" />
            <source>{options_encoding!r} is not a text encoding Python knows (try utf-8, gb18030, latin-1 or cp1252).</source>
            <translation>{options_encoding!r} 不是 Python 认识的文本编码（可尝试 utf-8、gb18030、latin-1 或 cp1252）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="260" />
            <source>{p} does not exist.</source>
            <translation>{p} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="267" />
            <source>{path} is empty; it was skipped.</source>
            <translation>{path} 为空；已跳过。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="272" />
            <source>All files matching {options_glob!r} in folder {p} are empty.</source>
            <translation>文件夹 {p} 中与 {options_glob!r} 匹配的文件都是空的。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="276" />
            <source>There are no files matching {options_glob!r} in folder {p} (supported: {SUPPORTED_SUFFIXES}, optionally .gz/.bz2/.xz-compressed).</source>
            <translation>文件夹 {p} 中没有与 {options_glob!r} 匹配的文件（支持：{SUPPORTED_SUFFIXES}，可用 .gz/.bz2/.xz 压缩）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="282" />
            <source>{folder}/ ({n} files)</source>
            <translation>{folder}/（{n} 个文件）</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="283" />
            <source>{folder}/ (1 file)</source>
            <translation>{folder}/（1 个文件）</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="287" />
            <source>{p} is empty.</source>
            <translation>{p} 为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="359" />
            <source>Reading {display_name}</source>
            <translation>正在读取 {display_name}</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="377" />
            <source>Read {value:,.1f} of {value2:,.1f} MB ({path_name})</source>
            <translation>已读取 {value:,.1f} / {value2:,.1f} MB（{path_name}）</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="383" />
            <source>Read {value:,.1f} of {value2:,.1f} MB</source>
            <translation>已读取 {value:,.1f} / {value2:,.1f} MB</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="385" />
            <source>Read {display_name}</source>
            <translation>已读取 {display_name}</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="409" />
            <source>{name} is empty: it decompresses to nothing.</source>
            <translation>{name} 为空：解压后没有任何内容。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="423" />
            <source>{path} is not a valid zip archive ({exc}).</source>
            <translation>{path} 不是有效的 zip 压缩包（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="437" />
            <source>{label} is a zip archive inside a zip archive; it was skipped.</source>
            <translation>{label} 是嵌套在 zip 压缩包中的 zip 压缩包；已跳过。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="444" />
            <source>{label} cannot be read ({exc}).</source>
            <translation>无法读取 {label}（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="452" />
            <source>{problem} It was skipped.</source>
            <translation>{problem}已跳过该文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="457" />
            <source>{label} is corrupt ({exc}).</source>
            <translation>{label} 已损坏（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="461" />
            <source>{path} contains no text file (skipped: {names}).</source>
            <translation>{path} 中没有文本文件（已跳过：{names}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="463" />
            <source>{path} contains no text file.</source>
            <translation>{path} 中没有文本文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="484" />
            <source>(no files)</source>
            <translation>（无文件）</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="485" />
            <source>{name} + {n} more</source>
            <translation>{name} 及另外 {n} 个文件</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="517" />
            <source>{path} cannot be read: permission denied.</source>
            <translation>无法读取 {path}：权限不足。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="519" />
            <source>{path} is a folder, not a file.</source>
            <translation>{path} 是文件夹，不是文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="520" />
            <source>{path} cannot be read: {value}.</source>
            <translation>无法读取 {path}：{value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="532" />
            <source>{path} is truncated: the {compression} data ends before its end marker (an interrupted download or copy?).</source>
            <translation>{path} 已被截断：{compression} 数据在结束标记之前就中断了（下载或复制被中断了吗？）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="537" />
            <source>{path} is corrupt: it is not valid {compression} data ({exc}).</source>
            <translation>{path} 已损坏：不是有效的 {compression} 数据（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="561" />
            <source>{stream_name} is empty.</source>
            <translation>{stream_name} 为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="565" />
            <source>{stream_name} looks like a binary file ({kind}), not text.</source>
            <translation>{stream_name} 看起来是二进制文件（{kind}），而不是文本。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="623" />
            <source>UTF-8 (nor GB18030/GBK)</source>
            <translation>UTF-8 或 GB18030/GBK</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="624" />
            <source> of the decompressed text</source>
            <translation>（相对于解压后的文本）</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="625" />
            <source>, line {line}</source>
            <translation>，第 {line} 行</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="627" />
            <source>{stream_name} is not valid {what}: byte offset {offset}{where}{line_txt} (bytes {hex}) cannot be decoded. Save the file as UTF-8 or choose its encoding in the corpus options.</source>
            <translation>{stream_name} 不是有效的 {what} 文本：字节偏移 {offset}{where}{line_txt}（字节 {hex}）无法解码。请将文件另存为 UTF-8，或在语料库选项中选择其编码。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="650" />
            <source>line {line_no} of {name} is longer than {cap:,} characters; it was split into pieces</source>
            <translation>{name} 的第 {line_no} 行超过 {cap:,} 个字符，已被拆分成多段</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="760" />
            <source> at column {col}</source>
            <translation>，第 {col} 列</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="761" />
            <source>Line {line_no} of {stream_name} is not valid JSON ({problem}{where}).</source>
            <translation>{stream_name} 的第 {line_no} 行不是有效的 JSON（{problem}{where}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="769" />
            <source>Line {line_no} of {stream_name} has no field {field!r} (it has {keys}). Choose the JSON field that holds the text.</source>
            <translation>{stream_name} 的第 {line_no} 行没有字段 {field!r}（现有字段：{keys}）。请选择存放文本的 JSON 字段。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="772" />
            <source>no fields</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="783" />
            <source>Line {line_no} of {stream_name}: the value of {field!r} is {value}, not text.</source>
            <translation>{stream_name} 的第 {line_no} 行：{field!r} 的值是 {value}，不是文本。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="844" />
            <source>Line {reader_line_num} of {stream_name} is not valid {upper} ({exc}).</source>
            <translation>{stream_name} 的第 {reader_line_num} 行不是有效的 {upper}（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="849" />
            <source>{n:,} rows of {name} have no column {column!r}; they were skipped.</source>
            <translation>{name} 中有 {n:,} 行没有 {column!r} 列；已跳过这些行。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="851" />
            <source>1 row of {name} has no column {column!r}; it was skipped.</source>
            <translation>{name} 中有 1 行没有 {column!r} 列；已跳过该行。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="860" />
            <source>The column index must be 0 or more, not {column}.</source>
            <translation>列号必须大于或等于 0，而不是 {column}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="874" />
            <source>{stream_name} has no column {column!r} (its columns are {shown}). Choose the column that holds the text.</source>
            <translation>{stream_name} 没有 {column!r} 列（它的列为 {shown}）。请选择存放文本的列。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/reader.py" line="878" />
            <source>{stream_name} has no header row, so the text column must be given by its 0-based index, not {column!r}.</source>
            <translation>{stream_name} 没有表头行，因此文本列必须用从 0 开始的列号指定，而不是 {column!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/stats.py" line="259" />
            <source>Writing the tokenized cache</source>
            <translation>正在写入分词缓存</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/stats.py" line="259" />
            <source>Counting</source>
            <translation>正在统计</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/stats.py" line="262" />
            <source>{stats_tokens:,} tokens, {stats_types:,} types</source>
            <translation>{stats_tokens:,} 个词元，{stats_types:,} 个词型</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/stats.py" line="273" />
            <source>{name} contains no tokens with these settings.</source>
            <translation>按当前设置，{name} 中没有任何词元。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/tokenize.py" line="131" />
            <source>The Chinese mode must be one of {CHINESE_MODES}, not {chinese!r}.</source>
            <translation>中文模式必须是 {CHINESE_MODES} 之一，而不是 {chinese!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/corpus/tokenize.py" line="192" />
            <source>Chinese word segmentation needs the jieba package, which is not installed. Install it with:  pip install jieba  (or choose the 'chars' Chinese mode).</source>
            <translation>中文分词需要 jieba 包，但它尚未安装。请用以下命令安装：  pip install jieba  （或选择 'chars' 中文模式）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/embeddings.py" line="53" />
            <source>The vectors have shape {vectors_shape}, which does not match {n_words:,} words.</source>
            <translation>词向量的形状为 {vectors_shape}，与 {n_words:,} 个词不符。</translation>
        </message>
        <message>
            <location filename="../workbench/core/embeddings.py" line="59" />
            <source>The word {dup!r} appears twice in the vocabulary.</source>
            <translation>词 {dup!r} 在词表中出现了两次。</translation>
        </message>
        <message>
            <location filename="../workbench/core/embeddings.py" line="63" />
            <source>There must be one count per word.</source>
            <translation>每个词必须恰好有一个计数。</translation>
        </message>
        <message>
            <location filename="../workbench/core/embeddings.py" line="81" />
            <source>'{word}' is not in the vocabulary ({n_self:,} words).</source>
            <translation>'{word}' 不在词表中（共 {n_self:,} 个词）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/embeddings.py" line="110" />
            <source>The vector of '{words}' (row {value}) contains NaN or infinity; {int:,} vectors are affected.</source>
            <translation>'{words}' 的向量（第 {value} 行）含有 NaN 或无穷大；共有 {int:,} 个向量受影响。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/_vocab.py" line="36" />
            <source>restrict_vocab must be at least 1; it is {restrict_vocab}.</source>
            <translation>restrict_vocab 至少应为 1；当前为 {restrict_vocab}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/analogy.py" line="181" />
            <source>method must be one of {METHODS}; it is {method!r}.</source>
            <translation>method 必须是 {METHODS} 之一；当前为 {method!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/analogy.py" line="252" />
            <source>The embeddings hold no vectors to evaluate.</source>
            <translation>这组词向量是空的，没有可评测的向量。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/analogy.py" line="328" />
            <source>Answered {e:,} of {total:,} questions</source>
            <translation>已回答 {e:,} / {total:,} 个问题</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/analogy.py" line="333" />
            <source>{questions_name}: {tot_correct:,} of {tot_answered:,} correct</source>
            <translation>{questions_name}：已回答的 {tot_answered:,} 题中答对 {tot_correct:,} 题</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/analogy.py" line="359" />
            <source>k must be at least 1; it is {k}.</source>
            <translation>k 至少应为 1；当前为 {k}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="198" />
            <source>The benchmark {path} does not exist.</source>
            <translation>基准 {path} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="299" />
            <source>{path} is not an analogy CSV file: its first line should name the columns word1, word2, word3 and target.</source>
            <translation>{path} 不是类比 CSV 文件：其第一行应给出列名 word1、word2、word3 和 target。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="355" />
            <source>{path} is empty.</source>
            <translation>{path} 为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="365" />
            <source>{path} is not in a known analogy layout: expected ': category' lines followed by 'a b c d' lines, BATS lines 'word&lt;TAB&gt;target1/target2', or a CSV file with the columns word1, word2, word3, target.</source>
            <translation>{path} 不是已知的类比格式：应为 ': category' 行后接 'a b c d' 行、BATS 格式的 'word&lt;TAB&gt;target1/target2' 行，或含 word1、word2、word3、target 列的 CSV 文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="390" />
            <source>{path} holds no analogy question that could be read ({result_skipped_lines:,} lines skipped).</source>
            <translation>{path} 中没有可读取的类比问题（跳过了 {result_skipped_lines:,} 行）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="417" />
            <source>{path} is a folder; a similarity benchmark is one file.</source>
            <translation>{path} 是文件夹；相似度基准应是单个文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="447" />
            <source>{path} holds no 'word1 word2 score' line that could be read ({skips_count:,} lines skipped).</source>
            <translation>{path} 中没有可读取的 'word1 word2 score' 行（跳过了 {skips_count:,} 行）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="584" />
            <source>none found</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="586" />
            <source>'{name}' is neither a file nor a known analogy benchmark (known: {names}).</source>
            <translation>'{name}' 既不是文件，也不是已知的类比基准测试（已知：{names}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="589" />
            <source>'{name}' is neither a file nor a known similarity benchmark (known: {names}).</source>
            <translation>'{name}' 既不是文件，也不是已知的相似度基准测试（已知：{names}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/benchmarks.py" line="591" />
            <source>'{name}' is neither a file nor a known benchmark (known: {names}).</source>
            <translation>'{name}' 既不是文件，也不是已知的基准测试（已知：{names}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/evaluation/similarity.py" line="133" />
            <source>{pairs_name}: Spearman {sp:.3f} on {n_gold:,} pairs</source>
            <translation>{pairs_name}：{n_gold:,} 个词对上的 Spearman 为 {sp:.3f}</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/axes.py" line="63" />
            <source>An axis needs at least one word at its positive end.</source>
            <translation>每条轴的正端至少需要一个词。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/axes.py" line="79" />
            <source>The axis {label} has no direction: both ends are the same point.</source>
            <translation>轴 {label} 没有方向：两端是同一个点。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/axes.py" line="121" />
            <source>There are no words to place on the axes.</source>
            <translation>没有可放到语义轴上的词。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/axes.py" line="128" />
            <source>Horizontal: {x}; vertical: {y}. The axes are at {angle:.0f}° to each other.</source>
            <translation>横轴：{x}；纵轴：{y}。两轴夹角为 {angle:.0f}°。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/axes.py" line="131" />
            <source>Horizontal: {x}; vertical: {y}. The axes are at {angle:.0f}° to each other, so each coordinate also reflects the other axis.</source>
            <translation>横轴：{x}；纵轴：{y}。两轴夹角为 {angle:.0f}°，因此每个坐标也会反映另一条轴。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/axes.py" line="142" />
            <source>Horizontal: {x}; vertical: the main remaining direction of variation (first principal component with the horizontal axis removed).</source>
            <translation>横轴：{x}；纵轴：其余变化的主要方向（去掉横轴方向后的第一主成分）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/clusters.py" line="55" />
            <source>k-means needs a 2-D matrix of vectors, not shape {x_shape}.</source>
            <translation>k-means 需要二维的向量矩阵，而不是形状为 {x_shape} 的数组。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/clusters.py" line="59" />
            <source>The number of clusters must be between 1 and {n:,} (the number of vectors); it is {k}.</source>
            <translation>簇的数量必须在 1 到 {n:,}（向量的个数）之间；当前为 {k}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/clusters.py" line="63" />
            <source>Some vectors contain NaN or infinity; they cannot be clustered.</source>
            <translation>有些向量含有 NaN 或无穷大，无法聚类。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/clusters.py" line="68" />
            <source>Clustering needs scikit-learn (pip install scikit-learn).</source>
            <translation>聚类需要 scikit-learn（pip install scikit-learn）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/clusters.py" line="72" />
            <source>k-means: {k} clusters of {n:,} vectors</source>
            <translation>k-means：把 {n:,} 个向量聚成 {k} 个簇</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/clusters.py" line="91" />
            <source>k-means: pass {value} of {_PASSES}</source>
            <translation>k-means：第 {value}/{_PASSES} 遍</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/clusters.py" line="97" />
            <source>k-means: {k} clusters</source>
            <translation>k-means：{k} 个簇</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/demo.py" line="70" />
            <source>{analogy} (solved)</source>
            <translation>{analogy}（已解出）</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/demo.py" line="71" />
            <source>{analogy} (expected {expected}, ranked {rank})</source>
            <translation>{analogy}（期望答案 {expected}，排在第 {rank} 位）</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="51" />
            <source>{problem} (at character {position} of '{text}').</source>
            <translation>{problem}（位于 '{text}' 的第 {position} 个字符）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="53" />
            <source>{problem}.</source>
            <translation>{problem}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="109" />
            <source>The expression is empty</source>
            <translation>表达式为空</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="125" />
            <source>A word is missing at the end</source>
            <translation>末尾缺少一个词</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="132" />
            <source>A word is missing after '*'</source>
            <translation>'*' 后面缺少一个词</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="134" />
            <source>Unexpected '*'; write a coefficient before it, as in 2*paris</source>
            <translation>此处不应出现 '*'；请在它前面写系数，例如 2*paris</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="137" />
            <source>Unexpected '{op}'</source>
            <translation>此处不应出现 '{op}'</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="144" />
            <source>A number must follow '*' after a word</source>
            <translation>词后面的 '*' 之后必须跟一个数</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="146" />
            <source>A word can have only one coefficient</source>
            <translation>一个词只能有一个系数</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="155" />
            <source>Expected '+' or '-' before '{word}'</source>
            <translation>'{word}' 前面应有 '+' 或 '-'</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/expressions.py" line="225" />
            <source>The vector built for '{word}' has {vec_size} values; the model has {emb_dim} dimensions.</source>
            <translation>为 '{word}' 构造的向量有 {vec_size} 个值，而模型是 {emb_dim} 维的。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/lecture.py" line="105" />
            <source>k must be 1 or more; it is {k}.</source>
            <translation>k 必须不小于 1；当前为 {k}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/lecture.py" line="114" />
            <source>The pair ('{a}', '{b}') has the same word twice.</source>
            <translation>词对 ('{a}', '{b}') 的两个词相同。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="124" />
            <source>'{word}' is not in the vocabulary.</source>
            <translation>'{word}' 不在词表中。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="125" />
            <source>'{word}' is not in the vocabulary. Did you mean {suggestions}?</source>
            <translation>'{word}' 不在词表中。您要找的是不是 {suggestions}？</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="128" />
            <source>'{word}' is not in the vocabulary ({size:,} words).</source>
            <translation>'{word}' 不在词表（共 {size:,} 个词）中。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="131" />
            <source>'{word}' is not in the vocabulary ({size:,} words). Did you mean {suggestions}?</source>
            <translation>'{word}' 不在词表（共 {size:,} 个词）中。您要找的是不是 {suggestions}？</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="153" />
            <source>The number of neighbours k must be 1 or more; it is {k}.</source>
            <translation>近邻数 k 必须不小于 1；当前为 {k}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="160" />
            <source>metric must be one of {METRICS}; it is {metric!r}.</source>
            <translation>metric 必须是 {METRICS} 之一；当前为 {metric!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="277" />
            <source>The query vector has {q_size} values; the vectors have {emb_dim} dimensions.</source>
            <translation>查询向量有 {q_size} 个值，而词向量是 {emb_dim} 维的。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="280" />
            <source>The query vector contains NaN or infinity.</source>
            <translation>查询向量含有 NaN 或无穷大。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="284" />
            <source>Type a word or an expression such as 'king - man + woman'.</source>
            <translation>请输入一个词或表达式，例如 'king - man + woman'。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="297" />
            <source>{names} is not in the vocabulary; the model built the vector from subwords.</source>
            <translation>{names} 不在词表中；模型用子词构造了它的向量。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="299" />
            <source>{names} are not in the vocabulary; the model built the vector from subwords.</source>
            <translation>{names} 不在词表中；模型用子词构造了它们的向量。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="349" />
            <source>The embeddings hold no vectors.</source>
            <translation>这组词向量是空的，其中没有任何向量。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="356" />
            <source>The query '{text}' is the zero vector; it has no direction to compare with.</source>
            <translation>查询 '{text}' 是零向量，没有可供比较的方向。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="371" />
            <source>Left out of the list: {words}.</source>
            <translation>列表中已略去：{words}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="372" />
            <source>{note} {left_out}</source>
            <translation>{note}{left_out}</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="415" />
            <source>Odd one out needs at least 3 words; {n_words} given.</source>
            <translation>找出不合群的词至少需要 3 个词；当前只给出了 {n_words} 个。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="419" />
            <source>The word '{dup}' is given twice.</source>
            <translation>词 '{dup}' 重复出现了两次。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="438" />
            <source>Row {row} is not a point of a map with {n_c} points.</source>
            <translation>第 {row} 行不是词图中的点（词图共有 {n_c} 个点）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="473" />
            <source>The map has {n:,} points but the vectors only {n_emb:,}.</source>
            <translation>词图有 {n:,} 个点，而词向量只有 {n_emb:,} 个。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/neighbours.py" line="476" />
            <source>The map needs more than k={k} points; it has {n}.</source>
            <translation>词图的点数必须多于 k={k}；当前只有 {n} 个。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="168" />
            <source>Unknown map method {method!r}; choose one of {METHODS}.</source>
            <translation>未知的词图方法 {method!r}；请从 {METHODS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="171" />
            <source>A map has 2 or 3 dimensions, not {dims}.</source>
            <translation>词图只能是 2 维或 3 维，不能是 {dims} 维。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="173" />
            <source>The number of words to map must be 1 or more; it is {top_n}.</source>
            <translation>要投影的词数必须不小于 1；当前为 {top_n}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="176" />
            <source>The perplexity must be positive; it is {perplexity}.</source>
            <translation>困惑度必须为正数；当前为 {perplexity}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="179" />
            <source>UMAP needs at least 2 neighbours; n_neighbors is {n_neighbors}.</source>
            <translation>UMAP 至少需要 2 个近邻；当前 n_neighbors 为 {n_neighbors}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="182" />
            <source>min_dist must be between 0 and 1; it is {min_dist}.</source>
            <translation>min_dist 必须在 0 到 1 之间；当前为 {min_dist}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="185" />
            <source>Unknown metric {metric!r}; choose cosine or euclidean.</source>
            <translation>未知的距离度量 {metric!r}；请选择 cosine 或 euclidean。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="190" />
            <source>{method} needs at least {low} iterations; {iterations} given.</source>
            <translation>{method} 至少需要 {low} 次迭代；当前只给出 {iterations} 次。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="319" />
            <source>There are no vectors to map.</source>
            <translation>没有可投影的向量。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="322" />
            <source>PCA needs at least 2 points; the map has 1.</source>
            <translation>PCA 至少需要 2 个点；词图中只有 1 个。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="324" />
            <source>PCA into {params_dims} dimensions needs vectors with at least {params_dims} dimensions; these have {dim}.</source>
            <translation>PCA 降到 {params_dims} 维要求向量至少有 {params_dims} 维；这些向量只有 {dim} 维。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="331" />
            <source>t-SNE with perplexity {params_perplexity:g} needs at least {need:,} points; the map has {n:,}. Lower the perplexity (below {max:.4g}) or map more words.</source>
            <translation>困惑度为 {params_perplexity:g} 的 t-SNE 至少需要 {need:,} 个点，而词图只有 {n:,} 个。请降低困惑度（低于 {max:.4g}），或投影更多的词。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="339" />
            <source>UMAP with {params_n_neighbors} neighbours needs at least {need:,} points; the map has {n:,}. Lower n_neighbors or map more words.</source>
            <translation>近邻数为 {params_n_neighbors} 的 UMAP 至少需要 {need:,} 个点，而词图只有 {n:,} 个。请减小 n_neighbors，或投影更多的词。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="366" />
            <source>The vector of '{words}' (row {value}) contains NaN or infinity; {total:,} vectors are affected, so no map can be drawn. Retrain with a lower learning rate or reload the file.</source>
            <translation>'{words}' 的向量（第 {value} 行）含有 NaN 或无穷大；共有 {total:,} 个向量受影响，因此无法绘制词图。请用更低的学习率重新训练，或重新加载该文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="415" />
            <source>project() computes {METHODS} maps; semantic axes come from axis_projection().</source>
            <translation>project() 只计算 {METHODS} 词图；语义轴由 axis_projection() 计算。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="425" />
            <source>Looking for a cached map</source>
            <translation>正在查找缓存的词图</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="431" />
            <source>Loaded the cached {_NAMES} map of {n:,} words</source>
            <translation>已加载缓存的 {_NAMES} 词图（{n:,} 个词）</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="454" />
            <source>The axes explain {shares} of the variance of the unit-length vectors.</source>
            <translation>各坐标轴分别解释了单位长度向量方差的 {shares}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="456" />
            <source>The axes explain {shares} of the variance of the vectors.</source>
            <translation>各坐标轴分别解释了向量方差的 {shares}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="466" />
            <source>{_NAMES} map of {n:,} words in {seconds:.1f} s</source>
            <translation>{_NAMES} 词图：{n:,} 个词，用时 {seconds:.1f} 秒</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="507" />
            <source>PCA done</source>
            <translation>PCA 完成</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="540" />
            <source>PCA: covariance of {min:,} of {n:,} vectors</source>
            <translation>PCA：正在计算协方差，已处理 {min:,}/{n:,} 个向量</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="698" />
            <source>t-SNE maps need scikit-learn (pip install scikit-learn).</source>
            <translation>t-SNE 词图需要 scikit-learn（pip install scikit-learn）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="709" />
            <source>t-SNE: iteration {i:,} of {iterations:,} (KL {float:.3f})</source>
            <translation>t-SNE：第 {i:,}/{iterations:,} 次迭代（KL {float:.3f}）</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="713" />
            <source>t-SNE: neighbourhood probabilities</source>
            <translation>t-SNE：正在计算邻域概率</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="715" />
            <source>t-SNE: finding the nearest neighbours of {n:,} points</source>
            <translation>t-SNE：正在查找 {n:,} 个点的最近邻</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="721" />
            <source>t-SNE: starting on {n:,} points</source>
            <translation>t-SNE：开始处理 {n:,} 个点</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="776" />
            <source>UMAP maps need umap-learn (pip install umap-learn).</source>
            <translation>UMAP 词图需要 umap-learn（pip install umap-learn）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="792" />
            <source>UMAP: nearest-neighbour descent, round {i} of {total}</source>
            <translation>UMAP：最近邻下降（NN-descent），第 {i}/{total} 次迭代</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="795" />
            <source>UMAP: finding the nearest neighbours of {n:,} points</source>
            <translation>UMAP：正在查找 {n:,} 个点的最近邻</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="797" />
            <source>UMAP: building the neighbour graph</source>
            <translation>UMAP：正在构建近邻图</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="799" />
            <source>UMAP: initial layout</source>
            <translation>UMAP：正在计算初始布局</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="811" />
            <source>UMAP: epoch {i} of {total}</source>
            <translation>UMAP：第 {i}/{total} 轮</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="823" />
            <source>UMAP: starting on {n:,} points</source>
            <translation>UMAP：开始处理 {n:,} 个点</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="888" />
            <source>UMAP map</source>
            <translation>UMAP 词图</translation>
        </message>
        <message>
            <location filename="../workbench/core/explore/projections.py" line="896" />
            <source>UMAP: preparing (compiling once per session)</source>
            <translation>UMAP：正在准备（每次会话只编译一次）</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/anatomy.py" line="168" />
            <source>The {model_model_type} model in {model_folder} has no BERT-style embedding layer (word embeddings and a LayerNorm), so its input cannot be taken apart.</source>
            <translation>{model_folder} 中的 {model_model_type} 模型没有 BERT 式的嵌入层（词嵌入加 LayerNorm），因此无法剖析其输入。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/anatomy.py" line="194" />
            <source>This {model_type} model has no segment (token-type) embeddings; the segment part is zero.</source>
            <translation>此 {model_type} 模型没有片段（token-type）嵌入；片段部分为零。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/anatomy.py" line="197" />
            <source>This {model_type} model has a single segment embedding, added to every token alike; a pair's two texts differ only by the separator.</source>
            <translation>此 {model_type} 模型只有一个片段嵌入，同样加到每个词元上；句对的两段文本只靠分隔符区分。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/anatomy.py" line="201" />
            <source>This {model_type} model has no absolute position embeddings (positions enter inside the attention layers); the position part is zero.</source>
            <translation>此 {model_type} 模型没有绝对位置嵌入（位置信息在注意力层内部引入）；位置部分为零。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/anatomy.py" line="205" />
            <source>The {model_model_type} model in {model_folder} projects its embeddings inside the embedding layer, so its input cannot be taken apart into a sum.</source>
            <translation>{model_folder} 中的 {model_model_type} 模型在嵌入层内部对嵌入做了投影，因此无法把其输入拆分为各部分之和。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/attention.py" line="110" />
            <source>{name} must be a number from 0 to {value} (the model has {count} {name}s), not {value2!r}.</source>
            <translation>{name} 必须是 0 到 {value} 之间的数（模型共有 {count} 个 {name}），不能是 {value2!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/attention.py" line="162" />
            <source>direction must be one of {DIRECTIONS}, not {direction!r}.</source>
            <translation>direction 必须是 {DIRECTIONS} 之一，不能是 {direction!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/attention.py" line="165" />
            <source>The direction {direction!r} needs a sentence pair; this input is a single text. Type a second sentence or choose 'all'.</source>
            <translation>方向 {direction!r} 需要句对，而当前输入只有一段文本。请输入第二个句子，或选择 'all'。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/attention.py" line="214" />
            <source>The {model_model_type} model in {model_folder} returned no attention weights; its attention kind cannot report them.</source>
            <translation>{model_folder} 中的 {model_model_type} 模型没有返回注意力权重；它所用的注意力实现无法输出这些权重。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="43" />
            <source>{root} is not the CoarseWSD-20 folder (it should hold one folder per word, such as bank/ with classes_map.txt).</source>
            <translation>{root} 不是 CoarseWSD-20 文件夹（其中应当每个词有一个文件夹，例如含有 classes_map.txt 的 bank/）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="51" />
            <source>'{word}' is not a CoarseWSD-20 word; the 20 words are {COARSEWSD_WORDS}.</source>
            <translation>'{word}' 不是 CoarseWSD-20 中的词；这 20 个词是：{COARSEWSD_WORDS}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="64" />
            <source>Cannot read the sense list {path}: {exc}</source>
            <translation>无法读取词义列表 {path}：{exc}</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="67" />
            <source>{path} should map class ids to sense names.</source>
            <translation>{path} 应当把类别编号映射到词义名称。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="103" />
            <source>The split must be 'train' or 'test', not {split!r}.</source>
            <translation>数据划分必须是 'train' 或 'test'，不能是 {split!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="106" />
            <source>The sentence limit must be 0 or more, not {limit}.</source>
            <translation>句子数上限必须不小于 0，不能是 {limit}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="115" />
            <source>Cannot read {exc_filename}: {exc_strerror}.</source>
            <translation>无法读取 {exc_filename}：{exc_strerror}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="119" />
            <source>{gold_path} has {n_gold:,} labels for {n_data:,} sentences in {data_path_name}.</source>
            <translation>{gold_path} 只有 {n_gold:,} 个标签，而 {data_path_name} 中有 {n_data:,} 个句子。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="135" />
            <source>{data_path}, line {n}: expected '&lt;token index&gt;&lt;TAB&gt;&lt;sentence&gt;' with the index inside the sentence.</source>
            <translation>{data_path} 第 {n} 行：格式应为 '&lt;词元序号&gt;&lt;TAB&gt;&lt;句子&gt;'，且序号不超出句子的范围。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/coarsewsd.py" line="141" />
            <source>{gold_path}, line {n}: class {strip!r} is not in classes_map.txt.</source>
            <translation>{gold_path} 第 {n} 行：类别 {strip!r} 不在 classes_map.txt 中。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="110" />
            <source>Type a word to look for: the word is empty.</source>
            <translation>请输入要查找的词：当前为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="150" />
            <source>The occurrence limit must be 0 or more, not {limit}.</source>
            <translation>出现次数上限必须不小于 0，不能是 {limit}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="163" />
            <source>Read {i:,} lines, found {total:,} occurrences of '{word}'</source>
            <translation>已读取 {i:,} 行，找到 '{word}' 的 {total:,} 次出现</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="309" />
            <source>Layer choice {spec!r}: average at least one layer.</source>
            <translation>层选择 {spec!r}：至少要对一层取平均。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="315" />
            <source>Unknown layer choice {spec!r}; use a layer number (0 = embeddings, {value} = last), 'last', 'mean-last-4', 'mean-all' or a list of layers.</source>
            <translation>未知的层选择 {spec!r}；请使用层号（0 = 嵌入层，{value} = 最后一层）、'last'、'mean-last-4'、'mean-all' 或层号列表。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="321" />
            <source>Layer {i} does not exist: this model has layers 0 (embeddings) to {value}.</source>
            <translation>第 {i} 层不存在：此模型的层号为 0（嵌入层）到 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="326" />
            <source>Choose at least one layer to average.</source>
            <translation>请至少选择一个要取平均的层。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="461" />
            <source>The batch size must be 1 or more, not {batch_size}.</source>
            <translation>批大小必须不小于 1，不能是 {batch_size}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="470" />
            <source>{message}: 0 of {n:,} sentences</source>
            <translation>{message}：0/{n:,} 个句子</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="498" />
            <source>{message}: {done:,} of {n:,} sentences</source>
            <translation>{message}：{done:,}/{n:,} 个句子</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextual.py" line="528" />
            <source>The occurrence span [{o_start}, {o_end}) does not fit its text of {n_o_text} characters ({value!r}).</source>
            <translation>出现位置 [{o_start}, {o_end}) 超出了所在文本（{n_o_text} 个字符）的范围（{value!r}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextuality.py" line="114" />
            <source>Self-similarity needs at least two occurrences.</source>
            <translation>自相似度至少需要两次出现。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextuality.py" line="172" />
            <source>min_occurrences must be 2 or more, not {min_occurrences}.</source>
            <translation>min_occurrences 必须不小于 2，不能是 {min_occurrences}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextuality.py" line="175" />
            <source>max_words and pairs must be 1 or more, max_per_word 2 or more.</source>
            <translation>max_words 和 pairs 必须不小于 1，max_per_word 必须不小于 2。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextuality.py" line="179" />
            <source>Tokenizing {n_texts:,} sentences</source>
            <translation>正在对 {n_texts:,} 个句子分词</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextuality.py" line="207" />
            <source>No word occurs at least {min_occurrences} times in the {n_texts:,} sentences; add sentences or lower the minimum number of occurrences.</source>
            <translation>在这 {n_texts:,} 个句子中，没有哪个词出现了至少 {min_occurrences} 次；请增加句子，或降低最少出现次数。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextuality.py" line="248" />
            <source>Self-similarity and MEV</source>
            <translation>自相似度和 MEV</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextuality.py" line="257" />
            <source>Random baselines</source>
            <translation>随机基线</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/contextuality.py" line="281" />
            <source>Contextuality of {n_chosen:,} words in {n_seqs:,} sentences</source>
            <translation>{n_seqs:,} 个句子中 {n_chosen:,} 个词的上下文相关性</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/fillmask.py" line="105" />
            <source>The model in {model_folder} has no masked-language-model head (it was saved as a bare encoder or fine-tuned for another task), so it cannot predict masked words. Load a model pretrained with masked-language modelling for fill-mask.</source>
            <translation>{model_folder} 中的模型没有掩码语言模型头（它被保存为纯编码器，或已针对其他任务微调），因此无法预测被掩码的词。掩码填充请加载以掩码语言建模方式预训练的模型。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/fillmask.py" line="114" />
            <source>k (the number of predictions) must be a whole number of at least 1, not {k!r}.</source>
            <translation>k（预测个数）必须是不小于 1 的整数，不能是 {k!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/fillmask.py" line="203" />
            <source>The mask position {p!r} is not a token of this input; positions go from 0 to {value}.</source>
            <translation>掩码位置 {p!r} 不是此输入中的词元；位置范围为 0 到 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/fillmask.py" line="206" />
            <source>The token at position {p} is the special token {enc_tokens}; mask a token of the text instead.</source>
            <translation>位置 {p} 上的词元是特殊词元 {enc_tokens}；请改为掩码文本中的词元。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/fillmask.py" line="216" />
            <source>Every {mask_token} lies beyond this model's maximum of {n_ids} tokens; move it nearer the start or shorten the text.</source>
            <translation>所有 {mask_token} 都超出了此模型最多 {n_ids} 个词元的范围；请把它移近开头，或缩短文本。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/fillmask.py" line="219" />
            <source>The text has no mask: type {mask_token} where a word should be predicted, or click a token to mask it.</source>
            <translation>文本中没有掩码：请在要预测词的位置输入 {mask_token}，或点击某个词元将其掩码。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/fillmask.py" line="223" />
            <source>{notice} Masks beyond the cut were dropped.</source>
            <translation>{notice}超出截断位置的掩码已被丢弃。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/fillmask.py" line="224" />
            <source>Masks beyond the cut were dropped.</source>
            <translation>超出截断位置的掩码已被丢弃。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/model.py" line="204" />
            <source>Type a text first: the input is empty.</source>
            <translation>请先输入文本：输入为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/model.py" line="221" />
            <source>The input has {n_full} tokens, more than this model's maximum of {limit}; only the first {n} are shown.</source>
            <translation>输入有 {n_full} 个词元，超过了此模型的上限（{limit} 个）；只显示前 {n} 个。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/model.py" line="224" />
            <source>The input has {n_full} tokens, more than this model's maximum of {limit}; only the first {n} are shown (both sentences were shortened).</source>
            <translation>输入有 {n_full} 个词元，超过了此模型的上限（{limit} 个）；只显示前 {n} 个（两个句子都被截短了）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/model.py" line="321" />
            <source>The model in {info_folder} is a {info_model_type} model, not an encoder of the BERT family (BERT, RoBERTa, DistilBERT, MiniLM, ...); the inspection views need one.</source>
            <translation>{info_folder} 中的模型是 {info_model_type} 模型，而不是 BERT 系列的编码器（BERT、RoBERTa、DistilBERT、MiniLM 等）；检视视图需要这样的模型。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/model.py" line="328" />
            <source>The tokenizer in {info_folder} is not a fast tokenizer (tokenizer.json); the inspection views need word offsets.</source>
            <translation>{info_folder} 中的分词器不是快速分词器（tokenizer.json）；检视视图需要词的偏移位置。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="322" />
            <source>Sense clustering needs at least 3 occurrences of the word; it occurs {n} times.</source>
            <translation>词义聚类至少需要该词出现 3 次；它只出现了 {n} 次。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="326" />
            <source>Unknown projection {method!r}; use 'pca' or 'umap'.</source>
            <translation>未知的投影方法 {method!r}；请使用 'pca' 或 'umap'。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="329" />
            <source>Unknown clustering {clustering!r}; use 'kmeans' or 'agglomerative'.</source>
            <translation>未知的聚类方法 {clustering!r}；请使用 'kmeans' 或 'agglomerative'。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="333" />
            <source>The k range must be (low, high) with 2 &lt;= low &lt;= high, not {tuple}.</source>
            <translation>k 的范围必须是 (low, high)，且 2 &lt;= low &lt;= high，不能是 {tuple}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="336" />
            <source>k must be between 1 and the number of occurrences ({n}), not {k}.</source>
            <translation>k 必须在 1 到出现次数（{n}）之间，不能是 {k}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="341" />
            <source>{n} occurrence(s) gave no token and were left out.</source>
            <translation>有 {n} 次出现没有得到任何词元，已略去。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="344" />
            <source>{n} long sentence(s) were cut to a window around the word.</source>
            <translation>有 {n} 个长句被截取为该词周围的一个窗口。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="350" />
            <source>Some contextual vectors contain NaN or infinity; the model weights are probably broken.</source>
            <translation>有些上下文向量含有 NaN 或无穷大；模型权重可能已损坏。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="372" />
            <source>Projecting {n:,} occurrences ({upper})</source>
            <translation>正在投影 {n:,} 次出现（{upper}）</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="380" />
            <source>k was capped at {k} (one less than the occurrences).</source>
            <translation>k 被限制为最多 {k}（出现次数减一）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="387" />
            <source>Clustering with k = {kk} ({clustering})</source>
            <translation>正在以 k = {kk} 聚类（{clustering}）</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="400" />
            <source>All occurrences have the same vector: one cluster.</source>
            <translation>所有出现的向量都相同：只有一个簇。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="408" />
            <source>Describing the clusters</source>
            <translation>正在描述各个簇</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="430" />
            <source>No static model is loaded; a static vector would sit at the centroid of all occurrences.</source>
            <translation>未加载静态模型；静态向量将位于所有出现的质心处。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="434" />
            <source>with the PCA fitted on the occurrences (a linear map, so it is the mean of their points)</source>
            <translation>用在这些出现上拟合的 PCA（线性映射，因此它就是各点的均值）</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="436" />
            <source>with UMAP's transform of the fitted map</source>
            <translation>用已拟合 UMAP 映射的 transform</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="437" />
            <source>The static vector of '{word}' lives in another space, so it is drawn as what one vector for every sense amounts to here: the centroid of all {n:,} occurrences' contextual vectors, projected {how}.</source>
            <translation>'{word}' 的静态向量处于另一个空间，因此这里画出的是“所有词义共用一个向量”在此空间中相当的位置：全部 {n:,} 次出现的上下文向量的质心，{how}投影得到。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="445" />
            <source>'{word}' is not in the static model's vocabulary.</source>
            <translation>'{word}' 不在静态模型的词表中。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/senses.py" line="452" />
            <source>{chosen} clusters of '{word}'</source>
            <translation>'{word}' 的 {chosen} 个簇</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/wic.py" line="65" />
            <source>Type the word to compare.</source>
            <translation>请输入要比较的词。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/wic.py" line="67" />
            <source>The first sentence is empty.</source>
            <translation>第一个句子为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/wic.py" line="67" />
            <source>the first sentence</source>
            <translation>第一个句子</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/wic.py" line="68" />
            <source>The second sentence is empty.</source>
            <translation>第二个句子为空。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/wic.py" line="68" />
            <source>the second sentence</source>
            <translation>第二个句子</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/wic.py" line="75" />
            <source>'{word}' does not occur as a whole word in {which}: {sentence!r}.</source>
            <translation>'{word}' 没有作为完整的词出现在{which}中：{sentence!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/inspect/wic.py" line="82" />
            <source>The model's tokenizer gives no token for '{word}' in {which}.</source>
            <translation>在{which}中，模型的分词器没有为 '{word}' 生成任何词元。</translation>
        </message>
        <message>
            <location filename="../workbench/core/messages.py" line="83" />
            <source>{first} {then}</source>
            <translation>{first}{then}</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="44" />
            <source>{name} must be a whole number, not {value!r}.</source>
            <translation>{name} 必须是整数，而不是 {value!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="47" />
            <source>at least {low:,}</source>
            <translation>不小于 {low:,}</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="48" />
            <source>between {low:,} and {high:,}</source>
            <translation>在 {low:,} 到 {high:,} 之间</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="49" />
            <source>{name} must be {bound}; got {value:,}.</source>
            <translation>{name} 的取值须满足：{bound}；实际为 {value:,}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="60" />
            <source>{name} must be a number, not {value!r}.</source>
            <translation>{name} 必须是数字，而不是 {value!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="62" />
            <source>{name} must be a finite number; got {value!r}.</source>
            <translation>{name} 必须是有限的数字；实际为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="69" />
            <source>above {low:g}</source>
            <translation>大于 {low:g}</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="70" />
            <source>at least {low:g}</source>
            <translation>不小于 {low:g}</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="72" />
            <source>below {high:g}</source>
            <translation>小于 {high:g}</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="73" />
            <source>at most {high:g}</source>
            <translation>不大于 {high:g}</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="74" />
            <source>{low} and {high}</source>
            <translation>{low} 且{high}</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="76" />
            <source>{name} must be {bound}; got {value:g}.</source>
            <translation>{name} 的取值须满足：{bound}；实际为 {value:g}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/params.py" line="83" />
            <source>{name} must be true or false, not {value!r}.</source>
            <translation>{name} 必须是 true 或 false，而不是 {value!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/spatial.py" line="100" />
            <source>The map coordinates must be an (n, 2) array, not shape {xy_shape}.</source>
            <translation>词图坐标必须是 (n, 2) 数组，而不是形状为 {xy_shape} 的数组。</translation>
        </message>
        <message>
            <location filename="../workbench/core/spatial.py" line="105" />
            <source>The map coordinates of row {bad} are not finite ({xy!r}, {xy2!r}).</source>
            <translation>第 {bad} 行的词图坐标不是有限值（{xy!r}, {xy2!r}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/spatial.py" line="110" />
            <source>grid_size must be a power of two, not {grid_size!r}.</source>
            <translation>grid_size 必须是 2 的幂，而不是 {grid_size!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="78" />
            <source>{path} cannot be opened: {value}.</source>
            <translation>无法打开 {path}：{value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="117" />
            <source>'{word}' is not in the vocabulary and these vectors carry no character n-grams.</source>
            <translation>'{word}' 不在词表中，而且这些词向量不含字符 n-gram。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="130" />
            <source>{path} is a folder, not a vector file.</source>
            <translation>{path} 是文件夹，不是词向量文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="135" />
            <source>{path} cannot be read: it is corrupt or not what its name says ({exc}).</source>
            <translation>无法读取 {path}：文件已损坏，或与其文件名所示的格式不符（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="155" />
            <source>{path} is neither a word2vec binary file (its first line should be '&lt;number of words&gt; &lt;dimensions&gt;') nor a fastText .bin model (it does not start with fastText's magic number).</source>
            <translation>{path} 既不是 word2vec 二进制文件（其第一行应为 '&lt;词数&gt; &lt;维数&gt;'），也不是 fastText .bin 模型（它不以 fastText 的魔数开头）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="184" />
            <source>{path} does not exist.</source>
            <translation>{path} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="195" />
            <source>{path} is a gensim model saved as a Python pickle, not a vector file. Open it as a model (the Static panel asks before opening one from outside the workspace, because a pickle can run code).</source>
            <translation>{path} 是以 Python pickle 格式保存的 gensim 模型，不是词向量文件。请将其作为模型打开（从工作区之外打开此类文件时，“静态词向量训练”面板会先询问，因为 pickle 可能运行代码）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="199" />
            <source>Unknown vector format {fmt!r}; choose one of {READ_FORMATS}.</source>
            <translation>未知的词向量格式 {fmt!r}；请从 {READ_FORMATS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="201" />
            <source>Read {n_emb:,} vectors of {emb_dim} dimensions</source>
            <translation>已读取 {n_emb:,} 个 {emb_dim} 维向量</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="251" />
            <source>Reading the fastText model {path_name}…</source>
            <translation>正在读取 fastText 模型 {path_name}…</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="257" />
            <source>{path} cannot be loaded: {exc}. Only unsupervised fastText models (word vectors) are supported.</source>
            <translation>无法加载 {path}：{exc}。只支持无监督的 fastText 模型（词向量）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="261" />
            <source>{path} cannot be read as a fastText .bin model: it is truncated or damaged ({value}: {exc}).</source>
            <translation>无法将 {path} 作为 fastText .bin 模型读取：文件已被截断或损坏（{value}: {exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="272" />
            <source>The vector of '{words}' in {path} contains NaN or infinity.</source>
            <translation>{path} 中 '{words}' 的向量含有 NaN 或无穷大。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="277" />
            <source>Read {n_emb:,} vectors of {emb_dim} dimensions (and their character n-grams)</source>
            <translation>已读取 {n_emb:,} 个 {emb_dim} 维向量（及其字符 n-gram）</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="290" />
            <source>{path} is truncated or not a valid {path_suffix} file ({exc}).</source>
            <translation>{path} 已被截断，或不是有效的 {path_suffix} 文件（{exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="297" />
            <source>Decompressing {path_name}</source>
            <translation>正在解压 {path_name}</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="318" />
            <source>Line 1 of {path} should be '&lt;number of words&gt; &lt;dimensions&gt;', not '{shown}'. If the file has no header, load it as GloVe text.</source>
            <translation>{path} 的第 1 行应为 '&lt;词数&gt; &lt;维数&gt;'，而不是 '{shown}'。如果文件没有表头，请按 GloVe 文本格式加载。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="346" />
            <source>Line {lineno} of {path} holds a word without a vector.</source>
            <translation>{path} 的第 {lineno} 行只有词，没有向量。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="351" />
            <source>Line {lineno} of {path} has {value} values where the vectors have {dim} dimensions.</source>
            <translation>{path} 的第 {lineno} 行有 {value} 个值，而向量是 {dim} 维的。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="359" />
            <source>Line {lineno} of {path} has a value that is not a number (word '{word}').</source>
            <translation>{path} 的第 {lineno} 行有一个值不是数字（词 '{word}'）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="364" />
            <source>Line {lineno} of {path}: the vector of '{word}' contains NaN or infinity.</source>
            <translation>{path} 的第 {lineno} 行：'{word}' 的向量含有 NaN 或无穷大。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="373" />
            <source>Read {n_words:,} vectors</source>
            <translation>已读取 {n_words:,} 个向量</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="376" />
            <source>Line {value} of {path} is not valid UTF-8 text. Is it a binary file?</source>
            <translation>{path} 的第 {value} 行不是有效的 UTF-8 文本。它是二进制文件吗？</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="382" />
            <source>{path} is truncated or corrupt after line {lineno}.</source>
            <translation>{path} 在第 {lineno} 行之后被截断或已损坏。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="386" />
            <source>{path} holds no vectors.</source>
            <translation>{path} 中没有向量。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="389" />
            <source>The header of {path} announces {expected:,} vectors but the file holds {n_words:,}: it may be truncated.</source>
            <translation>{path} 的表头声明有 {expected:,} 个向量，但文件中有 {n_words:,} 个：文件可能已被截断。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="401" />
            <source>The word '{w}' appears twice in {path} (vectors {value} and {value2}).</source>
            <translation>词 '{w}' 在 {path} 中出现了两次（第 {value} 个和第 {value2} 个向量）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="427" />
            <source>{path} ends after {i:,} of {count:,} vectors: the file is truncated.</source>
            <translation>{path} 在读完 {count:,} 个向量中的 {i:,} 个后就结束了：文件已被截断。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="439" />
            <source>Vector {value} ('{word}') of {path} contains NaN or infinity.</source>
            <translation>{path} 的第 {value} 个向量（'{word}'）含有 NaN 或无穷大。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="446" />
            <source>Read {i:,} of {n:,} vectors</source>
            <translation>已读取 {i:,} / {n:,} 个向量</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="459" />
            <source>Unknown vector format {fmt!r}; choose one of {FORMATS}.</source>
            <translation>未知的词向量格式 {fmt!r}；请从 {FORMATS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="463" />
            <source>The word {w!r} cannot be saved: words may not be empty or contain spaces, tabs or line breaks in these formats.</source>
            <translation>无法保存词 {w!r}：在这些格式中，词不能为空，也不能包含空格、制表符或换行符。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="492" />
            <source>Saved {n:,} vectors to {path_name}</source>
            <translation>已将 {n:,} 个向量保存到 {path_name}</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/formats.py" line="499" />
            <source>Wrote {i:,} of {n:,} vectors</source>
            <translation>已写入 {i:,} / {n:,} 个向量</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/gensim_models.py" line="62" />
            <source>Only gensim word2vec and fastText models can be saved to {path_name}; got {value}.</source>
            <translation>只有 gensim word2vec 和 fastText 模型才能保存到 {path_name}；得到的是 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/gensim_models.py" line="70" />
            <source>The model cannot be saved to {path}: {value}.</source>
            <translation>无法将模型保存到 {path}：{value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/gensim_models.py" line="102" />
            <source>no workspace is open</source>
            <translation>当前没有打开的工作区</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/gensim_models.py" line="103" />
            <source>it is outside the workspace ({root})</source>
            <translation>它位于工作区（{root}）之外</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/gensim_models.py" line="105" />
            <source>{path} was not opened: {where}. A gensim model is a Python pickle, and loading one can run any code its author put in it; load it only if you trust where it came from.</source>
            <translation>未打开 {path}：{where}。gensim 模型是 Python pickle 文件，加载时可能运行其作者放入的任意代码；只有在您信任其来源时才加载。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/gensim_models.py" line="113" />
            <source>{path} cannot be read as a gensim word2vec or fastText model ({value}: {exc}).</source>
            <translation>无法将 {path} 作为 gensim word2vec 或 fastText 模型读取（{value}: {exc}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="208" />
            <source>{name} must be at least {low:,}; it is {value}.</source>
            <translation>{name} 至少应为 {low:,}；当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="210" />
            <source>{name} must be at least {low:,} and at most {high:,}; it is {value}.</source>
            <translation>{name} 必须在 {low:,} 到 {high:,} 之间；当前为 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="224" />
            <source>symmetric must be True or False, not {symmetric!r}.</source>
            <translation>symmetric 必须是 True 或 False，而不是 {symmetric!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="230" />
            <source>{name} must be a positive number; it is {value!r}.</source>
            <translation>{name} 必须是正数；当前为 {value!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="233" />
            <source>alpha must be a number between 0 and 10; it is {alpha!r}.</source>
            <translation>alpha 必须是 0 到 10 之间的数；当前为 {alpha!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="300" />
            <source>The corpus file {path} does not exist.</source>
            <translation>语料库文件 {path} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="302" />
            <source>{path} is a folder; GloVe needs one tokenized corpus file (one sentence per line).</source>
            <translation>{path} 是文件夹；GloVe 需要一个分词后的语料库文件（每行一句）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="331" />
            <source>{what}: line {lineno:,}</source>
            <translation>{what}：第 {lineno:,} 行</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="335" />
            <source>Line {lineno} of {path} is not valid UTF-8 text; GloVe reads tokenized UTF-8 corpus files.</source>
            <translation>{path} 的第 {lineno} 行不是有效的 UTF-8 文本；GloVe 读取的是分词后的 UTF-8 语料库文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="379" />
            <source>Counting words</source>
            <translation>正在统计词</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="383" />
            <source>The corpus file {path} holds no words, so GloVe has nothing to learn from.</source>
            <translation>语料库文件 {path} 中没有词，GloVe 无从学习。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="392" />
            <source>No word of {path_name} occurs at least min_count={min_count} times (the most frequent occurs {top:,} times), so the vocabulary is empty; lower min_count.</source>
            <translation>{path_name} 中没有任何词出现至少 min_count={min_count} 次（最常见的词出现 {top:,} 次），因此词表为空；请降低 min_count。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="396" />
            <source>Vocabulary: {n_kept:,} of {n_counter:,} words</source>
            <translation>词表：保留 {n_counter:,} 个词中的 {n_kept:,} 个</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="495" />
            <source>A vocabulary of {vocab_size:,} words is too large to count co-occurrences; lower max_vocab.</source>
            <translation>{vocab_size:,} 个词的词表太大，无法统计共现次数；请降低 max_vocab。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="590" />
            <source>The vocabulary is empty; there is nothing to count.</source>
            <translation>词表为空；没有可统计的内容。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="592" />
            <source>window must be at least 1; it is {window}.</source>
            <translation>window 至少应为 1；当前为 {window}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="633" />
            <source>Counting co-occurrences</source>
            <translation>正在统计共现次数</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="646" />
            <source>Merging co-occurrence counts</source>
            <translation>正在合并共现计数</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="661" />
            <source>{result_nnz:,} non-zero co-occurrence cells</source>
            <translation>{result_nnz:,} 个非零共现单元格</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="680" />
            <source>device='cuda' was requested but torch sees no CUDA GPU; choose 'auto' or 'cpu'.</source>
            <translation>要求使用 device='cuda'，但 torch 找不到 CUDA GPU；请选择 'auto' 或 'cpu'。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="684" />
            <source>device='mps' was requested but Apple's Metal back end is not available; choose 'auto' or 'cpu'.</source>
            <translation>要求使用 device='mps'，但 Apple 的 Metal 后端不可用；请选择 'auto' 或 'cpu'。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="687" />
            <source>device must be one of {DEVICES}; it is {device!r}.</source>
            <translation>device 必须是 {DEVICES} 之一；当前为 {device!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="816" />
            <source>optimizer must be 'sparse' or 'dense'; it is {optimizer!r}.</source>
            <translation>optimizer 必须是 'sparse' 或 'dense'；当前为 {optimizer!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="819" />
            <source>The co-occurrence matrix is empty: no two vocabulary words occur within {cooc_window} tokens of each other on a line.</source>
            <translation>共现矩阵为空：没有任何两个词表中的词在同一行中相距 {cooc_window} 个词元以内。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="887" />
            <source>GloVe training diverged in epoch {value} (the loss became {mean}); lower learning_rate (now {eta}).</source>
            <translation>GloVe 训练在第 {value} 轮发散（损失变为 {mean}）；请降低 learning_rate（当前为 {eta}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="899" />
            <source>Epoch {value}/{params_epochs}: loss {mean:.4f}</source>
            <translation>第 {value}/{params_epochs} 轮：损失 {mean:.4f}</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="973" />
            <source>patience must be a whole number of at least 1; it is {patience!r}.</source>
            <translation>patience 必须是不小于 1 的整数；当前为 {patience!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="991" />
            <source>GloVe {size}d on {name}</source>
            <translation>基于 {name} 的 {size} 维 GloVe</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="992" />
            <source>GloVe {size}d on {name}, epoch {epoch}</source>
            <translation>基于 {name} 的 {size} 维 GloVe，第 {epoch} 轮</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="1001" />
            <source>Evaluating epoch {value}</source>
            <translation>正在评测第 {value} 轮</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/glove.py" line="1031" />
            <source>Trained {n_vocab:,} GloVe vectors for {n_snap_epochs} epochs</source>
            <translation>已训练 {n_vocab:,} 个 GloVe 向量，共 {n_snap_epochs} 轮</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="58" />
            <source>patience must be a whole number of at least 1 (or None for no early stopping); it is {patience!r}.</source>
            <translation>patience 必须是不小于 1 的整数（或为 None，表示不提前停止）；当前为 {patience!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="91" />
            <source>Choose a benchmark for the per-epoch evaluation.</source>
            <translation>请为每轮之后的评测选择一个基准测试。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="93" />
            <source>The evaluation kind must be 'analogy' or 'similarity', not {kind!r}.</source>
            <translation>评测类型必须是 'analogy' 或 'similarity'，而不是 {kind!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="98" />
            <source>restrict_vocab must be at least 1 (or None for all words); it is {restrict_vocab!r}.</source>
            <translation>restrict_vocab 至少应为 1（或为 None，表示全部词）；当前为 {restrict_vocab!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="102" />
            <source>The analogy method must be '3cosadd' or '3cosmul', not {method!r}.</source>
            <translation>类比方法必须是 '3cosadd' 或 '3cosmul'，而不是 {method!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="216" />
            <source>Unknown training method {method!r}; choose one of {METHODS}.</source>
            <translation>未知的训练方法 {method!r}；请从 {METHODS} 中选择。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="221" />
            <source>{method} needs {expected}, not {value}.</source>
            <translation>{method} 需要 {expected}，而不是 {value}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="268" />
            <source>more_epochs must be a whole number between 1 and 100,000; it is {more_epochs!r}.</source>
            <translation>more_epochs 必须是 1 到 100,000 之间的整数；当前为 {more_epochs!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="274" />
            <source>workers must be between 1 and 1024; it is {workers!r}.</source>
            <translation>workers 必须在 1 到 1024 之间；当前为 {workers!r}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="344" />
            <source>The tokenized corpus {path} does not exist.</source>
            <translation>分词后的语料库 {path} 不存在。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="421" />
            <source>There is no run #{run_id} in {workspace}.</source>
            <translation>{workspace} 中没有运行 #{run_id}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="425" />
            <source>Run #{old_id} trained {method}; only word2vec and fastText runs can be continued (GloVe keeps no training state).</source>
            <translation>运行 #{old_id} 训练的是 {method}；只有 word2vec 和 fastText 运行可以继续训练（GloVe 不保存训练状态）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="431" />
            <source>Run #{run_id} has no saved model to continue ({path} is gone).</source>
            <translation>运行 #{run_id} 没有可继续训练的已保存模型（{path} 已不存在）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="433" />
            <source>Run #{run_id} has no saved model to continue.</source>
            <translation>运行 #{run_id} 没有可继续训练的已保存模型。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="436" />
            <source>Loading the model of run #{old_id}…</source>
            <translation>正在加载运行 #{old_id} 的模型…</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="442" />
            <source>The tokenized corpus run #{old_id} was trained on ({corpus}) no longer exists (the workspace cache may have been cleared), so its training cannot be continued; train a new run instead.</source>
            <translation>运行 #{old_id} 训练所用的分词后语料库（{corpus}）已不存在（工作区缓存可能已被清理），因此无法继续训练；请改为训练一次新的运行。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/jobs.py" line="447" />
            <source>Early stopping of fastText needs an evaluation after each epoch: gensim computes no fastText training loss to watch.</source>
            <translation>fastText 的提前停止需要在每轮之后评测：gensim 不为 fastText 计算训练损失，无从监测。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/result.py" line="137" />
            <source>monitor={key!r} is not among the evaluation scores ({scores}).</source>
            <translation>monitor={key!r} 不在评测得分之列（{scores}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="255" />
            <source>negative must be at least 1 when hs (hierarchical softmax) is off; otherwise nothing would be trained.</source>
            <translation>关闭 hs（层次 softmax）时，negative 至少应为 1；否则什么也不会训练。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="267" />
            <source>min_alpha ({min_alpha:g}) must not be larger than alpha ({alpha:g}): the learning rate decays from alpha to min_alpha.</source>
            <translation>min_alpha（{min_alpha:g}）不能大于 alpha（{alpha:g}）：学习率从 alpha 衰减到 min_alpha。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="316" />
            <source>max_n ({max_n}) must be at least min_n ({min_n}).</source>
            <translation>max_n（{max_n}）不能小于 min_n（{min_n}）。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="394" />
            <source>train_word2vec needs Word2VecParams; use train_fasttext for FastTextParams.</source>
            <translation>train_word2vec 需要 Word2VecParams；FastTextParams 请使用 train_fasttext。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="423" />
            <source>train_fasttext needs FastTextParams.</source>
            <translation>train_fasttext 需要 FastTextParams。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="425" />
            <source>patience needs an evaluate function for fastText: gensim computes no fastText training loss to watch.</source>
            <translation>对 fastText 使用 patience 需要提供 evaluate 函数：gensim 不为 fastText 计算训练损失，无从监测。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="469" />
            <source>This model was not trained by Embedding Workbench, so its training cannot be resumed here.</source>
            <translation>此模型不是由 Embedding Workbench 训练的，因此无法在这里继续训练。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="477" />
            <source>The model has already been trained for {done} epochs; ask for more than {done} epochs to continue.</source>
            <translation>模型已经训练了 {done} 轮；要继续训练，请指定多于 {done} 的轮数。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="513" />
            <source>'{word}' is not in the vocabulary of this word2vec model ({n_wv:,} words); only fastText models have vectors for unseen words.</source>
            <translation>'{word}' 不在此 word2vec 模型的词表中（共 {n_wv:,} 个词）；只有 fastText 模型能为未见过的词生成向量。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="519" />
            <source>The fastText model has no vector for '{word}': it has none of the character n-grams the model knows.</source>
            <translation>fastText 模型没有 '{word}' 的向量：该词不含模型已知的任何字符 n-gram。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="607" />
            <source>Cannot write the training pieces to {folder}: {value}. They need about as much space as {path_name}; free some or choose another folder.</source>
            <translation>无法将训练分片写入 {folder}：{value}。它们所需的空间与 {path_name} 大致相当；请释放一些空间或选择其他文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="635" />
            <source>Counting words: {total:,} words in {sentences:,} sentences</source>
            <translation>正在统计词：{sentences:,} 个句子中有 {total:,} 个词</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="646" />
            <source>{path} is not UTF-8 text: the token {bad!r} is not valid UTF-8. Tokenize the corpus with the workbench first.</source>
            <translation>{path} 不是 UTF-8 文本：词元 {bad!r} 不是有效的 UTF-8。请先用 Embedding Workbench 对语料库分词。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="649" />
            <source>Counted {total:,} words in {sentences:,} sentences, {n_counts:,} distinct</source>
            <translation>已统计 {sentences:,} 个句子中的 {total:,} 个词，其中不同的词有 {n_counts:,} 个</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="801" />
            <source>No word occurs at least {params_min_count:,} times in {corpus_name} (the most frequent occurs {top:,} times); lower min_count.</source>
            <translation>{corpus_name} 中没有任何词出现至少 {params_min_count:,} 次（最常见的词出现 {top:,} 次）；请降低 min_count。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="815" />
            <source>No word of {corpus_name} is left in the vocabulary with min_count={params_min_count:,} and max_vocab={params_max_vocab}; lower min_count.</source>
            <translation>在 min_count={params_min_count:,} 和 max_vocab={params_max_vocab} 的设置下，{corpus_name} 中没有词留在词表中；请降低 min_count。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="841" />
            <source>{hours}h{minutes:02d}m</source>
            <translation>{hours}小时{minutes:02d}分</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="843" />
            <source>{minutes}m{seconds:02d}s</source>
            <translation>{minutes}分{seconds:02d}秒</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="844" />
            <source>{seconds}s</source>
            <translation>{seconds}秒</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="854" />
            <source>{corpus} does not exist or is not a file.</source>
            <translation>{corpus} 不存在或不是文件。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="866" />
            <source>Cannot create a temporary folder for training in {value}: {value2}.</source>
            <translation>无法在 {value} 中为训练创建临时文件夹：{value2}。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="875" />
            <source>{corpus} contains no words; it should hold one tokenized sentence per line.</source>
            <translation>{corpus} 中没有词；它应当每行包含一个分词后的句子。</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="879" />
            <source>Building the vocabulary</source>
            <translation>正在构建词表</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="934" />
            <source>{model}, {corpus}, epoch {epoch}</source>
            <translation>{model}，{corpus}，第 {epoch} 轮</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="977" />
            <source>Training {name}: {n_model_wv:,} words in the vocabulary, {pieces_total_words:,} words per epoch</source>
            <translation>正在训练 {name}：词表中有 {n_model_wv:,} 个词，每轮 {pieces_total_words:,} 个词</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="1006" />
            <source>Trained {name} for {value} epochs in {value2:.1f} s</source>
            <translation>已训练 {name} {value} 轮，用时 {value2:.1f} 秒</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="1085" />
            <source>Epoch {epoch}/{epochs}: {wps:,.0f} words/s, learning rate {alpha:.5f}, {eta} left</source>
            <translation>第 {epoch}/{epochs} 轮：{wps:,.0f} 词/秒，学习率 {alpha:.5f}，剩余 {eta}</translation>
        </message>
        <message>
            <location filename="../workbench/core/static/word2vec.py" line="1087" />
            <source>Epoch {epoch}/{epochs}: {wps:,.0f} words/s, learning rate {alpha:.5f}, loss {loss:.4f}, {eta} left</source>
            <translation>第 {epoch}/{epochs} 轮：{wps:,.0f} 词/秒，学习率 {alpha:.5f}，损失 {loss:.4f}，剩余 {eta}</translation>
        </message>
        <message>
            <location filename="../workbench/core/subprocess_jobs.py" line="441" />
            <source>The background process computing the {name} stopped unexpectedly ({why}) before it finished. Try again; if it happens again, use fewer words or close other programs to free memory.</source>
            <translation>计算 {name} 的后台进程在完成前意外停止（{why}）。请重试；如果再次发生，请减少词数，或关闭其他程序以释放内存。</translation>
        </message>
        <message>
            <location filename="../workbench/core/subprocess_jobs.py" line="449" />
            <source>it no longer answers</source>
            <translation>它已不再响应</translation>
        </message>
        <message>
            <location filename="../workbench/core/subprocess_jobs.py" line="456" />
            <source>it was stopped by {signal}, often because memory ran out</source>
            <translation>它被 {signal} 终止，通常是因为内存耗尽</translation>
        </message>
        <message>
            <location filename="../workbench/core/subprocess_jobs.py" line="458" />
            <source>it was stopped by {signal}, a crash in native code</source>
            <translation>它被 {signal} 终止，即原生代码发生了崩溃</translation>
        </message>
        <message>
            <location filename="../workbench/core/subprocess_jobs.py" line="459" />
            <source>it was stopped by {signal}</source>
            <translation>它被 {signal} 终止</translation>
        </message>
        <message>
            <location filename="../workbench/core/subprocess_jobs.py" line="460" />
            <source>exit code {code}</source>
            <translation>退出码 {code}</translation>
        </message>
        <message>
            <location filename="../workbench/core/workspace.py" line="198" />
            <source>The run registry {path} cannot be opened ({exc}). Choose another workspace folder or move this file away.</source>
            <translation>无法打开运行记录 {path}（{exc}）。请选择其他工作区文件夹，或把此文件移走。</translation>
        </message>
        <message>
            <location filename="../workbench/core/workspace.py" line="300" />
            <source>The workspace folder {root} cannot be written ({value}). Choose another folder in the settings.</source>
            <translation>无法写入工作区文件夹 {root}（{value}）。请在设置中选择其他文件夹。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/preferences.py" line="124" />
            <source> The old file was kept as {path}.</source>
            <translation>原文件已保留为 {path}。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/preferences.py" line="130" />
            <source>The settings file could not be read ({why}); the defaults were restored.{backup}</source>
            <translation>无法读取设置文件（{why}），已恢复默认设置。{backup}</translation>
        </message>
        <message>
            <location filename="../workbench/ui/preferences.py" line="142" />
            <source>it is not a valid settings file</source>
            <translation>它不是有效的设置文件</translation>
        </message>
        <message>
            <location filename="../workbench/ui/preferences.py" line="144" />
            <source>The settings file cannot be read or written; changes will not be kept after the app closes.</source>
            <translation>无法读写设置文件；程序关闭后，所做的更改不会保留。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/preferences.py" line="148" />
            <source>its schema_version is not a number</source>
            <translation>其 schema_version 不是数字</translation>
        </message>
        <message>
            <location filename="../workbench/ui/preferences.py" line="151" />
            <source>The settings were written by a newer version of the app (schema {version}); the settings this version knows are used, the others are kept unchanged.</source>
            <translation>设置文件由更新版本的程序写入（架构版本 {version}）；本版本使用其中能识别的设置，其余设置保持不变。</translation>
        </message>
        <message>
            <location filename="../workbench/ui/preferences.py" line="190" />
            <source>The setting {key} had the value {value!r}, which is not valid; the default ({default!r}) is used.</source>
            <translation>设置项 {key} 的值 {value!r} 无效；已改用默认值（{default!r}）。</translation>
        </message>
    </context>
</TS>